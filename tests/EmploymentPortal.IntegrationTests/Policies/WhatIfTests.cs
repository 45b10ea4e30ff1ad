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

    /// <summary>
    /// What-if over residents runs on the batch path (CompiledRule, docs/policies/batch.md); the
    /// evaluator deciding each person's JSON facts is its reference. Every benefit in every
    /// jurisdiction of its documents, under scenarios that leave facts missing, make people
    /// eligible, and one the batch row cannot hold (a payment list: the evaluator's path).
    /// </summary>
    [Fact]
    public async Task The_batch_path_decides_every_benefit_as_the_evaluator_does()
    {
        var catalogue = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>().Catalogue;
        await using var db = _app.Database.CreateContext();
        var district = await db.Districts.Where(d => d.Name == "江东区").Select(d => d.Id).SingleAsync();
        string[] scenarios =
        [
            "{}",
            """{"person": {"registeredUnemployedSince": "2020-01-10"}, "hire": {"date": "2020-09-15", "contractMonths": 12, "socialInsurancePaid": true}}""",
            """{"person": {"id": "p1", "group": "graduate", "registeredUnemployed": true, "registeredUnemployedSince": "2019-06-01", "hardToEmploy": true, "graduate": true, "graduationDate": "2019-06-30", "schoolLeavingDate": "2019-07-01", "employedSinceLeavingSchool": false, "eligibleEntrepreneur": true, "subsidisedMonths": 6, "unemployed": "true"}, "hire": {"date": "2020-08-01", "contractMonths": 24, "socialInsurancePaid": "true", "monthlyWage": 350000}, "enterprise": {"id": "e1", "size": "small"}, "business": {"registrationDate": "2020-03-01", "operatingMonths": 7}, "training": {"startDate": "2020-05-01", "certificateDate": "2020-08-01", "hours": 120}}""",
            """{"person": {"id": "p1", "registeredUnemployedSince": "2020-01-10"}, "hire": {"date": "2020-09-15", "contractMonths": 12, "socialInsurancePaid": true}, "enterprise": {"id": "e1"}, "history": {"payments": [{"rule": "nanhe-2020-1.absorption-long-term-unemployed", "personId": "p1", "enterpriseId": "e1", "date": "2020-08-01"}]}}""",
        ];
        var runs = 0;
        var eligible = 0;
        var notEligible = 0;
        foreach (var benefit in catalogue.Rules.Select(r => r.Benefit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var parameter = catalogue.Parameters.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => k.Contains("." + benefit, StringComparison.Ordinal)) ?? "nanhe-2020-1.absorption.ratePerPerson";
            var jurisdictions = catalogue.RulesForBenefit(benefit).SelectMany(r => catalogue.DocumentOf(r).Jurisdictions).Distinct(StringComparer.Ordinal);
            foreach (var jurisdiction in jurisdictions)
            {
                foreach (var scenario in scenarios)
                {
                    var request = new WhatIf.Request(benefit, jurisdiction, new DateOnly(2020, 10, 1), parameter, 1234m, new DateOnly(2020, 1, 1), district, null, JsonNode.Parse(scenario)!.AsObject());

                    var batch = await WhatIf.RunAsync(db, catalogue, request);
                    var reference = await WhatIf.RunWithEvaluatorAsync(db, catalogue, request);

                    var what = $"{benefit} in {jurisdiction} with {scenario}";
                    Assert.True(reference.Baseline == batch.Baseline, $"{what}: baseline {batch.Baseline} != {reference.Baseline}");
                    Assert.True(reference.Variant == batch.Variant, $"{what}: variant {batch.Variant} != {reference.Variant}");
                    Assert.Equal(reference.People, batch.People);
                    Assert.Equal(reference.ChangedCount, batch.ChangedCount);
                    Assert.Equal(reference.Changed, batch.Changed);
                    runs++;
                    eligible += batch.Baseline.Eligible + batch.Variant.Eligible;
                    notEligible += batch.Baseline.Ineligible + batch.Baseline.NeedsInformation + batch.Baseline.ManualReview;
                }
            }
        }

        Assert.True(runs >= 20, $"only {runs} runs: the catalogue scan is broken");
        Assert.True(eligible > 0 && notEligible > 0, "the scenarios must make some people eligible and leave others out");
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
