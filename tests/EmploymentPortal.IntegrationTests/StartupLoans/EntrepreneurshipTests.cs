using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Entrepreneurship;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.StartupLoans;

/// <summary>
/// Business starts and guaranteed loans through the API on both providers: a station records a
/// business start of its resident, an officer applies (the rules service's maximum refuses too
/// much), records the guarantee and bank decisions and the disbursement, and the loan shows its
/// schedule and the interest subsidy; the one-time subsidy of a business start is unique in the
/// database.
/// </summary>
public abstract class EntrepreneurshipTests
{
    private readonly PortalApp _app;

    protected EntrepreneurshipTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Station_records_a_business_start_of_its_resident_and_sees_it_on_the_resident()
    {
        var residentId = await ResidentAsync();
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(residentId, IndividualNumber()));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var rows = JsonDocument.Parse(await station.GetStringAsync($"/api/v1/entrepreneurship/business-starts?resident={residentId}"));
        var row = Assert.Single(rows.RootElement.EnumerateArray());
        Assert.Equal("IndividualBusiness", row.GetProperty("type").GetString());
        Assert.Equal(0, row.GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task A_bad_registration_number_is_a_field_error_in_chinese_and_another_station_gets_404()
    {
        var residentId = await ResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");

        var bad = await station.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(residentId, "110108000000017"));
        var other = await station2.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(residentId, IndividualNumber()));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var json = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("校验位", json.RootElement.GetProperty("errors").GetProperty("registrationNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_same_registration_number_twice_is_a_conflict()
    {
        var number = IndividualNumber();
        var station = await _app.SignedInClientAsync("station1");
        (await station.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(await ResidentAsync(), number))).EnsureSuccessStatusCode();

        var second = await station.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(await ResidentAsync(), number));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task An_individual_loan_above_the_documents_maximum_is_refused_with_the_clause()
    {
        var startId = await BusinessStartAsync();
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsJsonAsync("/api/v1/entrepreneurship/loans", new { businessStartId = startId, amount = "150000.01", termMonths = 24 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(ApplyForLoan.ConditionsCode, body, StringComparison.Ordinal);
        Assert.Contains("(十一)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disbursed_loan_has_its_schedule_and_the_interest_subsidy_of_each_installment()
    {
        await EnsureInterestShareAsync();
        var startId = await BusinessStartAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var applied = await officer.PostAsJsonAsync("/api/v1/entrepreneurship/loans", new { businessStartId = startId, amount = "150000", termMonths = 12 });
        Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var loanId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = Date(Today);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/guarantee-decision", new { institution = "江州市融资担保有限公司", approved = true, decidedOn = today }));
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/bank-decision", new { bank = "江州农村商业银行", approved = true, lentAmount = "120000", annualRatePercent = 3.6m, decidedOn = today }));

        var amountBefore = await MeasureTodayAsync("startupLoansIssued");
        var peopleBefore = await MeasureTodayAsync("entrepreneursSupported");

        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/disbursement", new { disbursedOn = today }));
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/repayments", new { amount = "10360", paidOn = today }));

        Assert.Equal(120_000m, await MeasureTodayAsync("startupLoansIssued") - amountBefore);
        Assert.Equal(1m, await MeasureTodayAsync("entrepreneursSupported") - peopleBefore);

        await using var db = _app.Database.CreateContext();
        var loan = await db.GuaranteedLoans.Include(l => l.Installments).Include(l => l.Repayments).AsNoTracking().SingleAsync(l => l.Id == loanId);
        Assert.Equal(LoanStatus.Repaying, loan.Status);
        Assert.Equal(12, loan.Installments.Count);
        Assert.Equal(Money.FromYuan(10_000m), loan.Installments.Single(i => i.Period == 1).Principal);
        Assert.Equal(Money.FromYuan(360m), loan.Installments.Single(i => i.Period == 1).Interest);
        Assert.Equal(Today, loan.Installments.Single(i => i.Period == 1).PaidOn);
        Assert.Single(loan.Repayments);
        using var detail = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/entrepreneurship/loans/{loanId}"));
        var first = detail.RootElement.GetProperty("subsidy")[0];
        Assert.Equal("180.00", first.GetProperty("subsidy").GetString());
        Assert.Equal("Payable", first.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Marking_a_loan_overdue_with_nothing_past_due_is_refused()
    {
        var startId = await BusinessStartAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var applied = await officer.PostAsJsonAsync("/api/v1/entrepreneurship/loans", new { businessStartId = startId, amount = "30000", termMonths = 6 });
        var loanId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await officer.PostAsync($"/api/v1/entrepreneurship/loans/{loanId}/overdue", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("loan-state", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_granted_after_the_epidemic_period_keeps_no_interest_subsidy_and_a_second_is_refused()
    {
        var startId = await BusinessStartAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var applied = await officer.PostAsJsonAsync("/api/v1/entrepreneurship/loans", new { businessStartId = startId, amount = "30000", termMonths = 6 });
        var loanId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = Date(Today);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/guarantee-decision", new { institution = "江州市融资担保有限公司", approved = true, decidedOn = today }));
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/bank-decision", new { bank = "江州农村商业银行", approved = true, lentAmount = "30000", annualRatePercent = 3.6m, decidedOn = today }));
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/disbursement", new { disbursedOn = today }));

        await OkAsync(officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/extension", new { months = 6, grantedOn = today, borrowerInfected = true }));
        var again = await officer.PostAsJsonAsync($"/api/v1/entrepreneurship/loans/{loanId}/extension", new { months = 6, grantedOn = today, borrowerInfected = true });

        await using var db = _app.Database.CreateContext();
        var loan = await db.GuaranteedLoans.Include(l => l.Installments).AsNoTracking().SingleAsync(l => l.Id == loanId);
        Assert.False(loan.ExtensionSubsidised);
        Assert.Contains("规则已截止", loan.ExtensionNote, StringComparison.Ordinal);
        Assert.Equal(Money.FromYuan(540m), loan.Installments.Single(i => i.Period == 1).ExtensionInterest);
        var first = loan.Installments.Single(i => i.Period == 1);
        Assert.Equal(first.OriginalDueDate.AddMonths(6), first.DueDate);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task A_station_cannot_handle_loans()
    {
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.PostAsJsonAsync("/api/v1/entrepreneurship/loans", new { businessStartId = Guid.NewGuid(), amount = "1000", termMonths = 6 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_one_time_subsidy_claim_of_a_business_start_is_unique_in_the_database()
    {
        var first = await BusinessStartAsync();
        var second = await BusinessStartAsync();
        var claimId = Guid.CreateVersion7();
        await using (var db = _app.Database.CreateContext())
        {
            (await db.BusinessStarts.SingleAsync(b => b.Id == first)).ReserveOneTimeSubsidy(claimId);
            await db.SaveChangesAsync();
        }

        await using var again = _app.Database.CreateContext();
        (await again.BusinessStarts.SingleAsync(b => b.Id == second)).ReserveOneTimeSubsidy(claimId);

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    /// <summary>The indicator measure for the whole city over today alone (the tests of a collection run one at a time).</summary>
    private async Task<decimal> MeasureTodayAsync(string measure)
    {
        await using var db = _app.Database.CreateContext();
        var configuration = _app.Factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        return await EmploymentPortal.Web.Features.Indicators.IndicatorMeasures.ComputeAsync(db, measure, EmploymentPortal.Web.Features.Indicators.AreaScope.City, Today, Today, configuration, CancellationToken.None) ?? 0;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> BusinessStartAsync()
    {
        var residentId = await ResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var response = await station.PostAsJsonAsync("/api/v1/entrepreneurship/business-starts", BusinessStartBody(residentId, IndividualNumber()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object BusinessStartBody(Guid residentId, string number) => new
    {
        residentId,
        name = "测试早餐店",
        registrationNumber = number,
        type = "IndividualBusiness",
        startDate = Date(Today.AddMonths(-7)),
        address = "江州市东湖区民主路 1 号",
    };

    /// <summary>A 15-digit individual business registration number of its own, with its check digit.</summary>
    private static string IndividualNumber()
    {
        var first14 = string.Create(CultureInfo.InvariantCulture, $"3699026{TestData.Next() % 10_000_000:0000000}");
        return first14 + BusinessRegistrationNumber.LegacyCheckDigit(first14).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<Guid> ResidentAsync()
    {
        var station = await _app.SignedInClientAsync("station1");
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var response = await station.PostAsJsonAsync("/api/v1/residents/", new
        {
            name = "创业居民",
            idNumber = TestData.IdNumber(new DateOnly(1988, 1, 1).AddDays(TestData.Next() % 3000)),
            phone = "13912345678",
            communityId = community,
            hukouType = "LocalUrban",
            education = "SeniorSecondary",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The bureau's interest-subsidy share, 50 %, from long ago (set once per database).</summary>
    private async Task EnsureInterestShareAsync()
    {
        await using (var db = _app.Database.CreateContext())
        {
            if (await db.LocalParameterValues.AnyAsync(v => v.ParameterId == LoanConditions.InterestShareParameter))
            {
                return;
            }
        }

        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await using var users = _app.Database.CreateContext();
        var officer = await users.Users.AsNoTracking().SingleAsync(u => u.UserName == "officer1");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new PortalPrincipal(officer.Id, "officer1", officer.DisplayName, new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null));
        var outcome = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SendAsync(new SetLocalParameter.Command
        {
            ParameterId = LoanConditions.InterestShareParameter,
            EffectiveFrom = new DateTime(2020, 1, 1),
            Value = 0.5m,
            ReferenceDocument = "江财金〔2026〕3号",
            Section = "第二条",
            Quote = "创业担保贷款按贷款利息的50%给予贴息。",
        });
        Assert.True(outcome.Succeeded, outcome.Result.Message);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteEntrepreneurshipTests : EntrepreneurshipTests
{
    public SqliteEntrepreneurshipTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresEntrepreneurshipTests : EntrepreneurshipTests
{
    public PostgresEntrepreneurshipTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
