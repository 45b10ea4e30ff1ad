using System.Text.Json.Nodes;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal(people * 100_000L, result.Baseline.AmountFen);
        Assert.Equal(people * 150_000L, result.Variant.AmountFen);
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
