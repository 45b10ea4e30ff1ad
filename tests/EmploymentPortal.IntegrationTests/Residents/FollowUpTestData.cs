using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>Residents built through the domain for the follow-up and list tests, in communities of their own.</summary>
internal static class FollowUpTestData
{
    public static Resident Resident(Guid communityId, string name, DateOnly birthDate, Sex sex = Sex.Male, ResidentProfile? profile = null) =>
        new(name, IdCardNumber.Parse(TestData.IdNumber(birthDate, sex)), PhoneNumber.Parse("13912345678"), communityId, profile);

    /// <summary>失业登记 on <paramref name="date"/> with a unique registration number.</summary>
    public static Resident RegisteredUnemployed(this Resident resident, DateOnly date)
    {
        resident.RegisterUnemployed(date, "SYT" + Guid.NewGuid().ToString("N")[..24]);
        return resident;
    }

    public static ResidentContact Contact(Resident resident, DateOnly on) =>
        new(resident.Id, on, ContactChannel.Phone, "电话联系，了解求职意向。", FollowUpServices.CareerGuidance, "测试");

    public static async Task SaveAsync(PortalDbContext db, IEnumerable<Resident> residents, IEnumerable<ResidentContact>? contacts = null)
    {
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync();
        if (contacts is not null)
        {
            db.ResidentContacts.AddRange(contacts);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A station worker for the given communities, as the queries see them.</summary>
    public static PortalPrincipal Station(params Guid[] communities) =>
        new("test-user", "station-test", "测试站员", new HashSet<string> { PortalRoles.StationStaff }, communities.ToHashSet(), null);

    /// <summary>A clock the test sets.</summary>
    public sealed class FakeClock : TimeProvider
    {
        public FakeClock(DateTimeOffset now)
        {
            Now = now.ToUniversalTime();
        }

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

        /// <summary>A wall-clock time in China (UTC+8).</summary>
        public static FakeClock AtChinaTime(int year, int month, int day, int hour, int minute) =>
            new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
    }
}

/// <summary>
/// A portal of its own for the follow-up and list tests: they add districts, communities and
/// residents that the demo-data tests of the shared apps must not see.
/// </summary>
public sealed class SqliteFollowUpApp : PortalApp
{
    public SqliteFollowUpApp()
        : base(Data.DatabaseProvider.Sqlite)
    {
    }
}

/// <inheritdoc cref="SqliteFollowUpApp"/>
public sealed class PostgresFollowUpApp : PortalApp
{
    public PostgresFollowUpApp()
        : base(Data.DatabaseProvider.Postgres)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteFollowUpCollection : ICollectionFixture<SqliteFollowUpApp>
{
    public const string Name = "Follow-up portal on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresFollowUpCollection : ICollectionFixture<PostgresFollowUpApp>
{
    public const string Name = "Follow-up portal on PostgreSQL";
}
