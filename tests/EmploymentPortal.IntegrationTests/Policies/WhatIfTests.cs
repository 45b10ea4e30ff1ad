using System.Text.Json.Nodes;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.IntegrationTests.Policies;

/// <summary>What-if over the residents in the database: people and money before and after, nothing published.</summary>
public abstract class WhatIfTests
{
    private readonly PortalApp _app;

    protected WhatIfTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Raising_the_absorption_rate_for_a_district_changes_the_money_and_not_the_people_and_publishes_nothing()
    {
        var service = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>();
        await using var db = _app.Database.CreateContext();
        var district = await db.Districts.Where(d => d.Name == "江东区").Select(d => d.Id).SingleAsync();
        var people = await (from r in db.Residents
                            join c in db.Communities on r.CommunityId equals c.Id
                            join s in db.Streets on c.StreetId equals s.Id
                            where s.DistrictId == district
                            select r).CountAsync();
        var scenario = JsonNode.Parse("""{"person": {"registeredUnemployedSince": "2020-01-10"}, "hire": {"date": "2020-09-15", "contractMonths": 12, "socialInsurancePaid": true}}""")!.AsObject();
        var request = new WhatIf.Request("absorption", "130506", new DateOnly(2020, 10, 1), "nanhe-2020-1.absorption.ratePerPerson", 1500m, new DateOnly(2020, 1, 1), district, null, scenario);
        var versionBefore = service.Catalogue.Version;

        var result = await WhatIf.RunAsync(db, service.Catalogue, request);

        Assert.Equal(people, result.People);
        Assert.Equal(people, result.Baseline.Eligible);
        Assert.Equal(people, result.Variant.Eligible);
        Assert.Equal(Money.FromFen(100_000) * people, result.Baseline.Amount);
        Assert.Equal(Money.FromFen(150_000) * people, result.Variant.Amount);
        Assert.Equal(people, result.ChangedCount);
        Assert.All(result.Changed, c => Assert.Matches(@"^.\*+$", c.MaskedName));
        Assert.Equal(versionBefore, service.Catalogue.Version);
        Assert.Equal(1000m, service.Catalogue.Parameters["nanhe-2020-1.absorption.ratePerPerson"].ValueAt(new DateOnly(2020, 10, 1))?.Value);
    }

    [Fact]
    public async Task A_value_starting_after_the_evaluation_date_changes_nobody()
    {
        var service = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>();
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.Where(c => c.Name == "西山社区").Select(c => c.Id).SingleAsync();
        var scenario = JsonNode.Parse("""{"person": {"registeredUnemployedSince": "2020-01-10"}, "hire": {"date": "2020-09-15", "contractMonths": 12, "socialInsurancePaid": true}}""")!.AsObject();
        var request = new WhatIf.Request("absorption", "130506", new DateOnly(2020, 10, 1), "nanhe-2020-1.absorption.ratePerPerson", 1500m, new DateOnly(2021, 1, 1), null, community, scenario);

        var result = await WhatIf.RunAsync(db, service.Catalogue, request);

        Assert.True(result.People > 0);
        Assert.Equal(0, result.ChangedCount);
        Assert.Equal(result.Baseline, result.Variant);
    }

    [Fact]
    public async Task Raising_the_entrepreneurship_subsidy_re_decides_the_approved_claims_of_the_year_on_their_own_facts()
    {
        var service = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>();
        await using var db = _app.Database.CreateContext();
        var approved = new[] { ClaimStatus.Approved, ClaimStatus.InPaymentBatch, ClaimStatus.Paid };
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.Benefit == "entrepreneurship" && approved.Contains(c.Status))
            .Select(c => new { c.DecidedOn, c.RulesAmount, c.Status })
            .ToListAsync();
        Assert.True(claims.Count >= 2, "the demo data has approved and paid entrepreneurship claims");
        var year = claims.Max(c => c.DecidedOn.Year);
        var ofYear = claims.Where(c => c.DecidedOn.Year == year).ToList();
        var notApproved = await db.Claims.CountAsync(c => c.Benefit == "entrepreneurship" && !approved.Contains(c.Status));
        Assert.True(notApproved > 0, "drafts and rejected claims exist and must be left out");

        var request = new WhatIf.ClaimsRequest("nanhe-2020-1.entrepreneurship.amount", 6000m, new DateOnly(2020, 7, 27), year, "entrepreneurship");
        Assert.Equal(ofYear.Count, await WhatIf.CountAsync(db, request));
        var result = await WhatIf.RunOnClaimsAsync(db, service.Catalogue, request);

        Assert.Equal(ofYear.Count, result.People);
        // Under the catalogue in force each claim decides as it did: the amounts frozen in the claims.
        Assert.Equal(Money.Sum(ofYear.Select(c => c.RulesAmount ?? Money.Zero)), result.Baseline.Amount);
        Assert.Equal(result.Baseline.Eligible, result.Variant.Eligible);
        Assert.Equal(result.Baseline.Amount + (Money.FromFen(100_000) * result.Baseline.Eligible), result.Variant.Amount);
        Assert.Equal(result.Baseline.Eligible, result.ChangedCount);
        Assert.All(result.Changed, c => Assert.Equal(c.BeforeAmount + Money.FromFen(100_000), c.AfterAmount));

        // Another year has none of them.
        var empty = await WhatIf.RunOnClaimsAsync(db, service.Catalogue, request with { Year = year - 10 });
        Assert.Equal(0, empty.People);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteWhatIfTests : WhatIfTests
{
    public SqliteWhatIfTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresWhatIfTests : WhatIfTests
{
    public PostgresWhatIfTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
