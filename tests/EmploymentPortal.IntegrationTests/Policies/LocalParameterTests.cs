using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.IntegrationTests.Policies;

/// <summary>
/// The bureau sets figures the documents leave open: stored, audited, added to the parameter's
/// history without overwriting it, and used by evaluations from their start date on.
/// Each test works on a parameter of its own, since the app is shared.
/// </summary>
public abstract class LocalParameterTests
{
    private const string PostSubsidy = "nanhe-2020-1.publicWelfarePost.monthlySubsidy";
    private const string TemporaryPostSubsidy = "nanhe-2020-1.temporaryPost.monthlySubsidy";
    private const string PostSocialInsurance = "nanhe-2020-1.publicWelfarePost.monthlySocialInsurance";

    private readonly PortalApp _app;

    protected LocalParameterTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Officer_sets_a_monthly_post_subsidy_and_evaluations_from_that_date_use_it_with_the_bureaus_citation()
    {
        var before = await EvaluatePostSubsidyAsync(new DateOnly(2020, 9, 1));

        var result = await SetAsync(Officer, PostSubsidy, new DateTime(2020, 8, 1), 1200m);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(before.Amount);
        var after = await EvaluatePostSubsidyAsync(new DateOnly(2020, 9, 1));
        Assert.Equal(Outcome.Eligible, after.Outcome);
        Assert.Equal(Money.FromFen(3 * 120_000), after.Amount);
        var used = Assert.Single(after.Trace.Parameters, p => p.Id == PostSubsidy);
        Assert.True(used.Reference.Local);
        Assert.Equal("江人社〔2026〕1号", used.Reference.File);
        Assert.Null((await EvaluatePostSubsidyAsync(new DateOnly(2020, 7, 31))).Amount);
        await using var db = _app.Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "LocalParameterValue" && e.Action == AuditAction.Insert).ToListAsync();
        Assert.Contains(audit, e => e.ActorName == "officer-itest" && e.Changes.Contains(PostSubsidy, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_value_must_start_after_the_existing_ones_and_leaves_them_in_force_for_earlier_dates()
    {
        var first = await SetAsync(Officer, TemporaryPostSubsidy, new DateTime(2021, 1, 1), 800m);
        var sameDay = await SetAsync(Officer, TemporaryPostSubsidy, new DateTime(2021, 1, 1), 900m);
        var earlier = await SetAsync(Officer, TemporaryPostSubsidy, new DateTime(2020, 12, 1), 900m);
        var later = await SetAsync(Officer, TemporaryPostSubsidy, new DateTime(2022, 1, 1), 1000m);

        Assert.True(first.Succeeded, first.Message);
        Assert.False(sameDay.Succeeded);
        Assert.Contains("历史取值不能改写", sameDay.Errors[nameof(SetLocalParameter.Command.EffectiveFrom)][0], StringComparison.Ordinal);
        Assert.False(earlier.Succeeded);
        Assert.True(later.Succeeded, later.Message);
        var parameter = Service.Catalogue.Parameters[TemporaryPostSubsidy];
        Assert.Equal([800m, 1000m], parameter.Values.Select(v => v.Value));
        Assert.Equal(800m, parameter.ValueAt(new DateOnly(2021, 6, 30))?.Value);
        Assert.Equal(1000m, parameter.ValueAt(new DateOnly(2022, 6, 30))?.Value);
    }

    [Fact]
    public async Task A_figure_the_document_states_cannot_be_set_locally()
    {
        var result = await SetAsync(Officer, "nanhe-2020-1.absorption.ratePerPerson", new DateTime(2021, 1, 1), 2000m);

        Assert.False(result.Succeeded);
        Assert.Contains("不能设定本地取值", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_bureau_officers_may_set_values_and_invalid_input_gets_chinese_messages_per_field()
    {
        var byStation = await SetAsync(Station, PostSocialInsurance, new DateTime(2021, 1, 1), 500m);
        var invalid = await SetAsync(Officer, PostSocialInsurance, null, -1m, reference: string.Empty);

        Assert.False(byStation.Succeeded);
        Assert.Contains("只有人社局经办人员", byStation.Message, StringComparison.Ordinal);
        Assert.False(invalid.Succeeded);
        Assert.Equal("请填写生效日期。", invalid.Errors[nameof(SetLocalParameter.Command.EffectiveFrom)][0]);
        Assert.Equal("取值不能为负数。", invalid.Errors[nameof(SetLocalParameter.Command.Value)][0]);
        Assert.True(invalid.Errors.ContainsKey(nameof(SetLocalParameter.Command.ReferenceDocument)));
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.LocalParameterValues.AnyAsync(v => v.ParameterId == PostSocialInsurance));
    }

    private static PortalPrincipal Officer { get; } = new("officer-itest-id", "officer-itest", "officer-itest", new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);

    private static PortalPrincipal Station { get; } = new("station-itest-id", "station-itest", "station-itest", new HashSet<string> { PortalRoles.StationStaff }, new HashSet<Guid>(), null);

    private PolicyCatalogueService Service => _app.Factory.Services.GetRequiredService<PolicyCatalogueService>();

    private async Task<CommandResult> SetAsync(PortalPrincipal who, string parameter, DateTime? from, decimal value, string reference = "江人社〔2026〕1号")
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(who);
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        var outcome = await pipeline.SendAsync(new SetLocalParameter.Command
        {
            ParameterId = parameter,
            EffectiveFrom = from,
            Value = value,
            ReferenceDocument = reference,
            Section = "第三条",
            Quote = "公益性岗位补贴标准为每人每月1200元。",
        });
        return outcome.Result;
    }

    private async Task<RuleDecision> EvaluatePostSubsidyAsync(DateOnly date)
    {
        await using (var db = _app.Database.CreateContext())
        {
            await Service.EnsureCurrentAsync(db);
        }

        var facts = JsonNode.Parse("""{"person": {"hardToEmployThroughMarket": true}, "post": {"publicWelfarePost": true, "months": 3}}""")!.AsObject();
        var result = Service.Evaluator.Evaluate(new EvaluationRequest("public-welfare-post", "130506", date, facts));
        return result.Decisions.Single(d => d.RuleId == "nanhe-2020-1.public-welfare-post-subsidy");
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteLocalParameterTests : LocalParameterTests
{
    public SqliteLocalParameterTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresLocalParameterTests : LocalParameterTests
{
    public PostgresLocalParameterTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
