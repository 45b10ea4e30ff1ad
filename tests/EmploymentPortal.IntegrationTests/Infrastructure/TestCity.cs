using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>Small, valid pieces of geography and enterprises for persistence tests.</summary>
public static class TestCity
{
    private static int _nextDistrict;

    /// <summary>A district with one street and one community, saved; returns the community.</summary>
    public static async Task<Community> AddCommunityAsync(PortalDbContext db)
    {
        // 369100-369799: clear of the demo city's 3699xx and the circle dashboard's 3698xx.
        var districtCode = $"369{100 + (Interlocked.Increment(ref _nextDistrict) % 700):000}";
        var district = new District(districtCode, $"测试区{districtCode}");
        var street = new Street(district, $"{districtCode}001", "测试街道", StreetKind.Street);
        var community = new Community(street, $"{districtCode}001001", "测试社区", CommunityKind.Community, 28.68, 115.86, "江州市测试区测试街道测试社区党群服务中心一楼");
        db.Districts.Add(district);
        db.Streets.Add(street);
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community;
    }

    public static Enterprise NewEnterprise(Guid communityId, string? creditCode = null, string name = "江州测试电子科技有限公司") =>
        new(creditCode ?? TestData.CreditCode("369902"), name, communityId, "江州市测试区测试路1号", 28.68, 115.86);
}

/// <summary>A named actor for audit assertions.</summary>
public sealed record TestActor(string? UserId, string UserName) : IAuditActor;
