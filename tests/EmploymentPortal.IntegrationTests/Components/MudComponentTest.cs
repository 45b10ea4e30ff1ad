using System.Globalization;
using Bunit;
using EmploymentPortal.Web;
using EmploymentPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>
/// Base of the bunit component tests: a <see cref="BunitContext"/> with MudBlazor's services as the
/// portal registers them (Chinese texts included), the portal's string localizer, and the UI culture
/// set to zh-CN for the test. MudBlazor's services hold JS modules and timers that are released
/// asynchronously, so the context is disposed through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentUICulture;

    protected MudComponentTest(string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddPortalMudBlazor();
    }

    /// <summary>The portal's string localizer, as pages get it.</summary>
    protected IStringLocalizer<SharedResource> L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        CultureInfo.CurrentUICulture = _previousCulture;
        CultureInfo.CurrentCulture = _previousCulture;
    }
}
