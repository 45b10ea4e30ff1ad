using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

internal static class TestResidents
{
    public static readonly Guid Community = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    public static IdCardNumber IdNumber(DateOnly birthDate, Sex sex)
    {
        var first17 = $"340102{birthDate:yyyyMMdd}00{(sex == Sex.Male ? 1 : 2)}";
        return IdCardNumber.Parse(first17 + IdCardNumber.ComputeCheckCharacter(first17));
    }

    public static Resident Create(DateOnly birthDate, Sex sex = Sex.Male, ResidentProfile? profile = null) =>
        new("张三", IdNumber(birthDate, sex), PhoneNumber.Parse("13812345678"), Community, profile);
}
