using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

/// <summary>Rows of the annex tables of the 2024 decision on gradual raising of the retirement age.</summary>
public class StatutoryRetirementTests
{
    [Theory]
    [InlineData("1964-12-15", "2024-12-15")] // before the schedule: 60
    [InlineData("1965-01-15", "2025-02-15")] // 60 years 1 month
    [InlineData("1965-04-30", "2025-05-30")] // still 1 month
    [InlineData("1965-05-01", "2025-07-01")] // 2 months
    [InlineData("1976-09-01", "2039-09-01")] // 63 from Sep 1976
    [InlineData("1990-01-01", "2053-01-01")]
    public void Men(string birth, string expected)
    {
        Assert.Equal(Parse(expected), StatutoryRetirement.RetirementDate(Parse(birth), Sex.Male));
    }

    [Theory]
    [InlineData("1974-12-10", "2024-12-10")] // 50
    [InlineData("1975-01-10", "2025-02-10")] // 50 years 1 month
    [InlineData("1975-03-10", "2025-05-10")] // 2 months
    [InlineData("1984-11-10", "2039-11-10")] // 55
    public void WomenWorkers(string birth, string expected)
    {
        Assert.Equal(Parse(expected), StatutoryRetirement.RetirementDate(Parse(birth), Sex.Female));
    }

    [Theory]
    [InlineData("1970-01-10", "2025-02-10")] // 55 years 1 month
    [InlineData("1981-09-10", "2039-09-10")] // 58
    public void WomenCadres(string birth, string expected)
    {
        Assert.Equal(Parse(expected), StatutoryRetirement.RetirementDate(Parse(birth), Sex.Female, FemaleRetirementCategory.Cadre));
    }

    private static DateOnly Parse(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
