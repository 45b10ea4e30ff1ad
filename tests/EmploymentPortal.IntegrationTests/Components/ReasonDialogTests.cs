using Bunit;
using EmploymentPortal.Web.Features.Enterprises;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>The reason asked before a rejection or a suspension (ReasonDialog through PortalDialogs.FormAsync).</summary>
public sealed class ReasonDialogTests : MudComponentTest
{
    [Fact]
    public async Task An_empty_reason_is_refused_in_Chinese_and_the_dialog_answers_the_trimmed_text()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs, "驳回岗位"));
        provider.WaitForElement("[data-testid=reject-confirm]").Click();

        Assert.Contains("请填写驳回原因。", provider.Markup, StringComparison.Ordinal);
        Assert.False(answer.IsCompleted);

        provider.Find("textarea[data-testid=reject-reason]").Change("  请注明工作时间  ");
        provider.Find("[data-testid=reject-confirm]").Click();

        Assert.Equal("请注明工作时间", await answer.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_suspension_asks_with_its_own_label_and_button_and_cancel_answers_null()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs, "暂停企业", "暂停原因（企业可见）", "请填写暂停原因。", "暂停", "suspend"));
        provider.WaitForElement("[data-testid=suspend-confirm]").Click();

        Assert.Contains("暂停原因（企业可见）", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("请填写暂停原因。", provider.Markup, StringComparison.Ordinal);
        provider.FindAll("button").Single(b => b.TextContent.Trim() == "取消").Click();
        Assert.Null(await answer.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
