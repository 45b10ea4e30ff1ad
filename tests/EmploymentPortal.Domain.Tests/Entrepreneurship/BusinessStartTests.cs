using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.Tests.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Entrepreneurship;

public class BusinessStartTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly string CreditCode = Code("9236990212345678A");

    internal static string Code(string first17) => first17[..17] + UnifiedSocialCreditCode.ComputeCheckCharacter(first17.AsSpan(0, 17));

    [Theory]
    [InlineData(BusinessType.IndividualBusiness)]
    [InlineData(BusinessType.Company)]
    [InlineData(BusinessType.FarmersCooperative)]
    [InlineData(BusinessType.Other)]
    public void RegistrationNumber_ValidCreditCode_IsAcceptedForEveryType(BusinessType type)
    {
        Assert.True(BusinessRegistrationNumber.TryParse(CreditCode.ToLowerInvariant(), type, out var number, out _));
        Assert.Equal(CreditCode, number);
    }

    [Fact]
    public void RegistrationNumber_FifteenDigitsWithRightCheckDigit_IsAcceptedForAnIndividualBusiness()
    {
        Assert.True(BusinessRegistrationNumber.TryParse("110108000000016", BusinessType.IndividualBusiness, out var number, out _));
        Assert.Equal("110108000000016", number);
    }

    [Fact]
    public void RegistrationNumber_FifteenDigitsWithWrongCheckDigit_IsRefused()
    {
        Assert.False(BusinessRegistrationNumber.TryParse("110108000000017", BusinessType.IndividualBusiness, out _, out var error));
        Assert.Contains("校验位", error);
    }

    [Fact]
    public void RegistrationNumber_FifteenDigitsForACompany_IsRefused()
    {
        Assert.False(BusinessRegistrationNumber.TryParse("110108000000016", BusinessType.Company, out _, out var error));
        Assert.Contains("只有个体工商户", error);
    }

    [Fact]
    public void RegistrationNumber_CreditCodeWithWrongCheckCharacter_IsRefused()
    {
        var wrong = CreditCode[..17] + (CreditCode[17] == '0' ? '1' : '0');

        Assert.False(BusinessRegistrationNumber.TryParse(wrong, BusinessType.Company, out _, out var error));
        Assert.Contains("校验码", error);
    }

    [Fact]
    public void Record_StartDateToday_IsAccepted_AndTomorrowIsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 1));

        var start = BusinessStart.Record(resident, Details(Today), null, "station1", DateTimeOffset.UnixEpoch, Today);
        var error = Assert.Throws<DomainException>(() => BusinessStart.Record(resident, Details(Today.AddDays(1)), null, "station1", DateTimeOffset.UnixEpoch, Today));

        Assert.Equal(resident.Id, start.ResidentId);
        Assert.Equal("business-start-date", error.Code);
    }

    [Fact]
    public void EmployeesOn_NoEnterpriseInThePortal_IsZero()
    {
        var start = BusinessStart.Record(TestResidents.Create(new DateOnly(1990, 5, 1)), Details(Today), null, "station1", DateTimeOffset.UnixEpoch, Today);

        Assert.Equal(0, start.EmployeesOn([], Today));
    }

    [Fact]
    public void OneTimeSubsidy_SecondClaim_IsRefused_UntilTheFirstIsReleased()
    {
        var start = BusinessStart.Record(TestResidents.Create(new DateOnly(1990, 5, 1)), Details(Today), null, "station1", DateTimeOffset.UnixEpoch, Today);
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();

        start.ReserveOneTimeSubsidy(first);
        var error = Assert.Throws<DomainException>(() => start.ReserveOneTimeSubsidy(second));
        start.ReleaseOneTimeSubsidy(first);
        start.ReserveOneTimeSubsidy(second);

        Assert.Equal("business-start-subsidy-taken", error.Code);
        Assert.Equal(second, start.OneTimeSubsidyClaimId);
    }

    private static BusinessStartDetails Details(DateOnly startDate) =>
        new("江州小李早餐店", "110108000000016", BusinessType.IndividualBusiness, startDate, "江州市东湖区民主路 1 号", Guid.CreateVersion7());
}
