using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

public class ResidentTests
{
    [Fact]
    public void Constructor_TakesBirthDateAndSexFromTheIdNumber()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17), Sex.Female);

        Assert.Equal(new DateOnly(1990, 5, 17), resident.BirthDate);
        Assert.Equal(Sex.Female, resident.Sex);
        Assert.Equal(18, resident.IdNumber.Length);
    }

    [Fact]
    public void Constructor_LandlineNumber_IsRefused()
    {
        var id = TestResidents.IdNumber(new DateOnly(1990, 5, 17), Sex.Male);

        var error = Assert.Throws<DomainException>(() => new Resident("李四", id, PhoneNumber.Parse("0551-65123456"), TestResidents.Community));

        Assert.Equal("resident-phone-not-mobile", error.Code);
    }

    [Fact]
    public void UpdateProfile_GraduateWithoutCollegeEducation_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(2001, 3, 1));
        var profile = new ResidentProfile
        {
            Education = EducationLevel.SeniorSecondary,
            Graduate = new GraduateDetails("某大学", "会计", new DateOnly(2024, 6, 30), new DateOnly(2024, 7, 1)),
        };

        var error = Assert.Throws<DomainException>(() => resident.UpdateProfile(profile));

        Assert.Equal("resident-graduate-education", error.Code);
    }

    [Fact]
    public void RegisterUnemployed_Eligible_IssuesTheNumberAndRecordsHistory()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));

        resident.RegisterUnemployed(new DateOnly(2026, 1, 5), "SY2026010001");

        Assert.Equal(EmploymentStatus.RegisteredUnemployed, resident.CurrentStatus);
        Assert.Equal("SY2026010001", resident.UnemploymentRegistrationNumber);
        var entry = Assert.Single(resident.StatusHistory);
        Assert.Equal(new DateOnly(2026, 1, 5), entry.EffectiveFrom);
    }

    [Theory]
    [InlineData("2010-01-15", "2026-01-15")]
    [InlineData("2008-02-29", "2024-02-29")]
    [InlineData("2010-10-31", "2026-10-31")]
    public void WorkingAgeFrom_IsTheSixteenthBirthday(string born, string sixteen)
    {
        Assert.Equal(DateOnly.Parse(sixteen, System.Globalization.CultureInfo.InvariantCulture),
            StatutoryRetirement.WorkingAgeFrom(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void RegisterUnemployed_Twice_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2026, 1, 5), "SY1");

        var error = Assert.Throws<DomainException>(() => resident.RegisterUnemployed(new DateOnly(2026, 2, 5), "SY2"));

        Assert.Contains("不能重复登记", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterUnemployed_AfterDeregistration_StartsANewSpell()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2025, 1, 5), "SY1");
        resident.Deregister(new DateOnly(2025, 3, 1), "入学");

        resident.RegisterUnemployed(new DateOnly(2025, 9, 1), "SY2");

        Assert.Equal(3, resident.StatusHistory.Count);
        Assert.Equal(1, resident.MonthsRegisteredUnemployedOn(new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void ChangeStatus_BeforeTheLastChange_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2026, 1, 5), "SY1");

        var error = Assert.Throws<DomainException>(() => resident.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2026, 1, 4), "某公司"));

        Assert.Equal("resident-status-date-order", error.Code);
    }

    [Fact]
    public void ChangeStatus_NeverRegistered_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));

        var error = Assert.Throws<DomainException>(() => resident.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2026, 1, 4), "某公司"));

        Assert.Equal("resident-not-registered", error.Code);
    }

    [Theory]
    [InlineData("2024-07-15", 6)] // exactly 6 months
    [InlineData("2024-07-14", 5)] // 5 months 29 days
    [InlineData("2024-01-15", 0)] // the day of registration
    [InlineData("2024-01-14", 0)] // before registration
    public void MonthsRegisteredUnemployedOn_CountsCompletedMonths(string date, int expected)
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2024, 1, 15), "SY1");

        var months = resident.MonthsRegisteredUnemployedOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, months);
    }

    [Fact]
    public void MonthsRegisteredUnemployedOn_AJobInBetween_StartsTheSpellAgain()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2024, 1, 15), "SY1");
        resident.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2024, 3, 1), "某公司");
        resident.ChangeStatus(EmploymentStatus.RegisteredUnemployed, new DateOnly(2024, 5, 10), null);

        Assert.Equal(0, resident.MonthsRegisteredUnemployedOn(new DateOnly(2024, 4, 1)));
        Assert.Equal(2, resident.MonthsRegisteredUnemployedOn(new DateOnly(2024, 7, 10)));
    }
}
