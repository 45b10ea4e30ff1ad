using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Tests.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Hires;

public class HireTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly HireRecorder Recorder = new(HireRecorderRole.Enterprise, "enterprise1", new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Record_RegisteredUnemployed_BecomesEmployedFromTheStartDate()
    {
        var resident = Unemployed(since: new DateOnly(2026, 3, 1));

        Hire.Record(Verified(), resident, Terms(new DateOnly(2026, 11, 2)), Recorder, Today);

        Assert.Equal(EmploymentStatus.Employed, resident.CurrentStatus);
        Assert.Equal(new DateOnly(2026, 11, 2), resident.StatusHistory[^1].EffectiveFrom);
        Assert.Equal(EmploymentStatus.RegisteredUnemployed, resident.StatusOn(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void Record_FreezesMonthsUnemployedAndKeyGroupsOnTheStartDate()
    {
        var resident = Unemployed(since: new DateOnly(2026, 5, 2));

        var hire = Hire.Record(Verified(), resident, Terms(new DateOnly(2026, 11, 2)), Recorder, Today);

        Assert.Equal(6, hire.Facts.MonthsRegisteredUnemployed);
        Assert.Contains(KeyGroup.LongTermRegisteredUnemployed, hire.Facts.KeyGroups);
        Assert.Equal(EmploymentStatus.RegisteredUnemployed, hire.Facts.StatusBeforeHire);
        Assert.Equal(EnterpriseSize.Small, hire.Facts.EnterpriseSize);
        Assert.Equal(0, resident.MonthsRegisteredUnemployedOn(Today));
    }

    [Fact]
    public void Record_OneDayShortOfSixMonths_IsNotLongTermUnemployed()
    {
        var resident = Unemployed(since: new DateOnly(2026, 5, 3));

        var hire = Hire.Record(Verified(), resident, Terms(new DateOnly(2026, 11, 2)), Recorder, Today);

        Assert.Equal(5, hire.Facts.MonthsRegisteredUnemployed);
        Assert.DoesNotContain(KeyGroup.LongTermRegisteredUnemployed, hire.Facts.KeyGroups);
    }

    [Fact]
    public void Record_ResidentNeverRegistered_KeepsNoStatus()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 1, 1));

        var hire = Hire.Record(Verified(), resident, Terms(Today), Recorder, Today);

        Assert.Null(resident.CurrentStatus);
        Assert.Null(hire.Facts.StatusBeforeHire);
    }

    [Theory]
    [InlineData(EnterpriseStatus.Pending)]
    [InlineData(EnterpriseStatus.Suspended)]
    public void Record_EnterpriseNotVerified_IsRefusedAndTheResidentUnchanged(EnterpriseStatus status)
    {
        var enterprise = Pending();
        if (status == EnterpriseStatus.Suspended)
        {
            enterprise.Verify();
            enterprise.Suspend("测试");
        }

        var resident = Unemployed(since: new DateOnly(2026, 3, 1));

        var error = Assert.Throws<DomainException>(() => Hire.Record(enterprise, resident, Terms(Today), Recorder, Today));

        Assert.Equal("enterprise-not-verified", error.Code);
        Assert.Equal(EmploymentStatus.RegisteredUnemployed, resident.CurrentStatus);
    }

    [Fact]
    public void Record_StartInTheFuture_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Hire.Record(Verified(), Unemployed(new DateOnly(2026, 3, 1)), Terms(Today.AddDays(1)), Recorder, Today));

        Assert.Equal("hire-dates", error.Code);
    }

    [Fact]
    public void Record_StartBeforeTheRegistration_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Hire.Record(Verified(), Unemployed(new DateOnly(2026, 3, 1)), Terms(new DateOnly(2026, 2, 28)), Recorder, Today));

        Assert.Equal("resident-status-date-order", error.Code);
    }

    [Fact]
    public void ContractTerm_OfOneCalendarYear_IsTwelveMonths()
    {
        var terms = Terms(new DateOnly(2026, 1, 1)) with { ContractStart = new DateOnly(2026, 1, 1), ContractEnd = new DateOnly(2026, 12, 31) };

        var hire = Hire.Record(Verified(), Unemployed(new DateOnly(2025, 6, 1)), terms, Recorder, Today);

        Assert.Equal(12, hire.ContractTermMonths);
    }

    [Fact]
    public void SocialInsurance_IsKeptAsTheFirstOfItsMonthAndCannotStartBeforeTheHire()
    {
        var hire = Hire.Record(Verified(), Unemployed(new DateOnly(2026, 3, 1)), Terms(new DateOnly(2026, 11, 2)), Recorder, Today);

        hire.UpdateSocialInsurance(true, new DateOnly(2026, 11, 20));

        Assert.Equal(new DateOnly(2026, 11, 1), hire.SocialInsuranceFrom);
        Assert.Equal("hire-dates", Assert.Throws<DomainException>(() => hire.UpdateSocialInsurance(true, new DateOnly(2026, 10, 31))).Code);
    }

    [Fact]
    public void Reinstate_SuspendedEnterprise_IsVerifiedWithoutTheReason()
    {
        var enterprise = Verified();
        enterprise.Suspend("未按规定发布招聘信息。");

        enterprise.Reinstate();

        Assert.Equal(EnterpriseStatus.Verified, enterprise.Status);
        Assert.Null(enterprise.SuspensionReason);
        Assert.Equal("enterprise-not-suspended", Assert.Throws<DomainException>(() => enterprise.Reinstate()).Code);
    }

    [Fact]
    public void Suspend_WithoutReason_IsRefused()
    {
        Assert.Equal("enterprise-suspension-reason-required", Assert.Throws<DomainException>(() => Verified().Suspend(" ")).Code);
    }

    private static HireTerms Terms(DateOnly start) =>
        new("仓库管理员", start, ContractType.FixedTerm, start, start.AddYears(1).AddDays(-1), false, null);

    private static Resident Unemployed(DateOnly since)
    {
        var resident = TestResidents.Create(new DateOnly(1990, 1, 1));
        resident.RegisterUnemployed(since, "SY0001");
        return resident;
    }

    private static Enterprise Pending()
    {
        var body = "91341200MA2N00001".ToCharArray();
        var code = new string(body) + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
        var details = new EnterpriseDetails(code, "测试企业", "张三", "东湖路1号", IndustrySection.C, EnterpriseSize.Small, 50, 40, "李四", "13812345678");
        return Enterprise.Register(details, Guid.NewGuid(), GeoPoint.Create(31.2, 117.3));
    }

    private static Enterprise Verified()
    {
        var enterprise = Pending();
        enterprise.Verify();
        return enterprise;
    }
}
