using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

public class KeyGroupsTests
{
    private static Resident Graduate(DateOnly leftSchool) => TestResidents.Create(
        new DateOnly(2001, 3, 1),
        profile: new ResidentProfile
        {
            Education = EducationLevel.Bachelor,
            Graduate = new GraduateDetails("某大学", "会计", leftSchool.AddDays(-1), leftSchool),
        });

    [Theory]
    [InlineData("2023-07-01", true)] // the day of leaving school
    [InlineData("2025-07-01", true)] // exactly 2 years later
    [InlineData("2025-07-02", false)] // 2 years and 1 day
    public void RecentCollegeGraduate_AtTheBoundaryDays(string date, bool expected)
    {
        var resident = Graduate(new DateOnly(2023, 7, 1));

        var membership = KeyGroups.RecentCollegeGraduate(resident, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, membership is not null);
    }

    [Fact]
    public void RecentCollegeGraduate_ReasonNamesTheDayOfLeaving()
    {
        var resident = Graduate(new DateOnly(2023, 7, 1));

        var membership = KeyGroups.RecentCollegeGraduate(resident, new DateOnly(2024, 1, 1));

        Assert.Equal("2023-07-01离校，截至2024-01-01在离校2年内。", membership!.Reason);
    }

    [Fact]
    public void RecentCollegeGraduate_NoGraduateDetails_IsNotInTheGroup()
    {
        var resident = TestResidents.Create(new DateOnly(2001, 3, 1));

        Assert.Null(KeyGroups.RecentCollegeGraduate(resident, new DateOnly(2024, 1, 1)));
    }

    [Theory]
    [InlineData("2024-07-15", true)] // 6 months exactly
    [InlineData("2024-07-14", false)] // 5 months 29 days
    public void LongTermRegisteredUnemployed_AtTheBoundaryDays(string date, bool expected)
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 17));
        resident.RegisterUnemployed(new DateOnly(2024, 1, 15), "SY1");

        var membership = KeyGroups.LongTermRegisteredUnemployed(resident, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, membership is not null);
    }

    [Theory]
    [InlineData(Sex.Female, "1986-03-10", "2026-03-10", true)] // her 40th birthday
    [InlineData(Sex.Female, "1986-03-10", "2026-03-09", false)] // the day before
    [InlineData(Sex.Male, "1976-03-10", "2026-03-10", true)] // his 50th birthday
    [InlineData(Sex.Male, "1976-03-10", "2026-03-09", false)]
    [InlineData(Sex.Male, "1986-03-10", "2026-03-10", false)] // a man of 40 is not
    public void OlderWorker_DefaultAges(Sex sex, string birth, string date, bool expected)
    {
        var resident = TestResidents.Create(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), sex);

        var membership = KeyGroups.OlderWorker(resident, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, membership is not null);
    }

    [Fact]
    public void OlderWorker_LocalSettings_AreUsed()
    {
        var resident = TestResidents.Create(new DateOnly(1981, 3, 10), Sex.Female);

        var membership = KeyGroups.OlderWorker(resident, new DateOnly(2026, 3, 10), new KeyGroupSettings(OlderWorkerAgeWomen: 45));

        Assert.NotNull(membership);
        Assert.Equal("女，45周岁（45周岁以上）。", membership.Reason);
    }

    [Fact]
    public void For_ListsEveryGroupTheFactsDecide()
    {
        var resident = TestResidents.Create(
            new DateOnly(1990, 5, 17),
            profile: new ResidentProfile
            {
                DisabilityCertificateNumber = "34010219900517001142",
                IsVeteran = true,
                IsRelocatedResident = true,
                MigrantWorker = MigrantWorkerStatus.ReturningMigrantWorker,
                IsPovertyMonitoredHousehold = true,
            });

        var groups = KeyGroups.For(resident, new DateOnly(2026, 1, 1)).Select(g => g.Group);

        Assert.Equal(
            [KeyGroup.Disabled, KeyGroup.Veteran, KeyGroup.RelocatedResident, KeyGroup.MigrantWorker, KeyGroup.PovertyMonitoredHousehold],
            groups);
    }
}
