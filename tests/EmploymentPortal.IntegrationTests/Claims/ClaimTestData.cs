using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>What the counter-claim and print tests file: a returning migrant worker of station1's communities and their 5,000 yuan entrepreneurship claim (Nanhe (十一)).</summary>
internal static class ClaimTestData
{
    public const string Entrepreneurship = "nanhe-2020-1.entrepreneurship-returning-migrant";

    /// <summary>Files (and submits) the claim through the API as <paramref name="client"/>; returns its id.</summary>
    public static Task<Guid> EntrepreneurshipClaimAsync(HttpClient client, Guid resident) =>
        CreateAsync(client, EntrepreneurshipBody(resident, submit: true));

    /// <summary>The API body of the entrepreneurship claim for <paramref name="resident"/>, filed as a draft or submitted.</summary>
    public static object EntrepreneurshipBody(Guid resident, bool submit) => new
    {
        benefit = "entrepreneurship",
        ruleId = Entrepreneurship,
        residentId = resident,
        facts = new { business = new { startDate = "2024-01-10", firstBusiness = true, operatingNormally = true } },
        payeeAccount = "6222020200112233",
        payeeBank = "江州农商银行",
        submit,
    };

    /// <summary>Posts a claim to <c>/api/v1/claims</c> and expects 201; returns the new claim's id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/claims", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A returning migrant worker of one of station1's communities, of their own (once-only scopes are per person).</summary>
    public static async Task<(Guid Id, string IdNumber)> ReturningMigrantAsync(PortalApp app, string name, DateOnly birth, Sex sex)
    {
        await using var db = app.Database.CreateContext();
        var station = await db.Users.AsNoTracking().Include(u => u.CommunityScopes).SingleAsync(u => u.UserName == "station1");
        var idNumber = TestData.IdNumber(birth, sex);
        var resident = new Resident(name, IdCardNumber.Parse(idNumber), PhoneNumber.Parse("13800138000"), station.CommunityScopes.First().CommunityId, new ResidentProfile
        {
            MigrantWorker = MigrantWorkerStatus.ReturningMigrantWorker,
        });
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return (resident.Id, idNumber);
    }
}
