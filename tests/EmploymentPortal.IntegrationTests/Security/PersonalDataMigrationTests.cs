using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// The key rotation command (<c>-- rekey-personal-data</c>, docs/personal-data.md) on each provider.
/// The step that encrypted the plain rows of a database from before the personal-data migrations
/// went with the squash of the migrations (docs/operations.md, "Migrations").
/// </summary>
public abstract class PersonalDataMigrationTests
{
    private const string IdNumber = "11010119850215002X";
    private const string Phone = "13912345670";

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task Rekeying_after_a_rotation_reencrypts_and_rehashes_so_that_the_new_keys_alone_read_and_find_everything()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await database.MigrateAsync();
        var oldRing = Ring(("e1", "i1"));
        Guid id;
        await using (var db = database.CreateContext(keys: oldRing))
        {
            var community = await TestCity.AddCommunityAsync(db);
            var resident = new Resident("测试居民", IdCardNumber.Parse(IdNumber), PhoneNumber.Parse(Phone), community.Id);
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            id = resident.Id;
        }

        // The rotation: new current keys, the old encryption key kept to read until rekeyed.
        var rotated = PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
        {
            [KeyPurpose.AuditChain] = oldRing.All(KeyPurpose.AuditChain).ToArray(),
            [KeyPurpose.PersonalDataEncryption] = [Key("e2"), oldRing.Current(KeyPurpose.PersonalDataEncryption)],
            [KeyPurpose.PersonalDataIndex] = [Key("i2")],
        });
        await using (var db = database.CreateContext(keys: rotated))
        {
            Assert.Empty(await db.Residents.WithIdNumber(db, IdNumber).ToListAsync());

            var counts = await PersonalDataMigration.RekeyAsync(db);

            Assert.Equal(1, counts["Residents.IdNumber"]);
            Assert.Equal(1, counts["Residents.Phone"]);
        }

        var newOnly = PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
        {
            [KeyPurpose.AuditChain] = oldRing.All(KeyPurpose.AuditChain).ToArray(),
            [KeyPurpose.PersonalDataEncryption] = [rotated.Current(KeyPurpose.PersonalDataEncryption)],
            [KeyPurpose.PersonalDataIndex] = [rotated.Current(KeyPurpose.PersonalDataIndex)],
        });
        await using (var db = database.CreateContext(keys: newOnly))
        {
            var found = await db.Residents.AsNoTracking().WithIdNumber(db, IdNumber).SingleAsync();
            Assert.Equal(id, found.Id);
            Assert.Equal(Phone, found.Phone);
            Assert.Equal(id, (await db.Residents.AsNoTracking().WithIdNumberOrPhoneEnding(db, Phone[^4..]).SingleAsync()).Id);
            Assert.Empty(await PersonalDataMigration.RekeyAsync(db));
        }
    }

    private static PortalKey Key(string id) => new(id, Convert.FromBase64String(PortalKeyRing.NewKeyBase64()));

    private static PortalKeyRing Ring((string Encryption, string Index) ids) => PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
    {
        [KeyPurpose.AuditChain] = TestKeys.Ring.All(KeyPurpose.AuditChain).ToArray(),
        [KeyPurpose.PersonalDataEncryption] = [Key(ids.Encryption)],
        [KeyPurpose.PersonalDataIndex] = [Key(ids.Index)],
    });
}

public sealed class SqlitePersonalDataMigrationTests : PersonalDataMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPersonalDataMigrationTests : PersonalDataMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
