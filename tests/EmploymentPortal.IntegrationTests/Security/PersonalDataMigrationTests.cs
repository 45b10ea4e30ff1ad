using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// The step that encrypts the personal data of an existing database (docs/personal-data.md), on
/// each provider, from a database at the migration before <c>PersonalDataColumns</c> holding
/// plain ID and phone numbers; and the key rotation command.
/// </summary>
public abstract class PersonalDataMigrationTests
{
    private static readonly string[] IdNumbers = ["110101199003074514", "11010119850215002X", "110101200001010010"];
    private static readonly string[] Phones = ["13812345678", "13912345670", "15012345679"];

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task Migrating_a_database_with_plain_rows_encrypts_every_row_and_lookups_find_them()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var community = await AtMigrationBeforeEncryptionWithPlainRowsAsync(database);

        await new DatabaseMigrator(new Factory(database), TestKeys.Ring, new AuditAnchorFile(database.AnchorFile), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        for (var i = 0; i < IdNumbers.Length; i++)
        {
            var resident = await db.Residents.AsNoTracking().WithIdNumber(db, IdNumbers[i]).SingleAsync();
            Assert.Equal(IdNumbers[i], resident.IdNumber);
            Assert.Equal(Phones[i], resident.Phone);
            Assert.Equal(resident.Id, (await db.Residents.AsNoTracking().WithPhone(db, Phones[i]).SingleAsync()).Id);
            Assert.Contains(resident.Id, await db.Residents.AsNoTracking().WithIdNumberOrPhoneEnding(db, IdNumbers[i][^4..]).Select(r => r.Id).ToListAsync());
        }

        var member = await db.HouseholdMembers.AsNoTracking().WithIdNumber(db, IdNumbers[0]).SingleAsync();
        Assert.Equal(IdNumbers[0], member.IdNumber);
        Assert.Equal("0791-86123456", (await db.Enterprises.AsNoTracking().SingleAsync(e => e.CommunityId == community)).ContactPhone);
        var raw = await RawTextAsync(database);
        Assert.DoesNotContain(raw, v => IdNumbers.Any(n => v.Contains(n, StringComparison.Ordinal)) || Phones.Any(p => v.Contains(p, StringComparison.Ordinal)) || v.Contains("86123456", StringComparison.Ordinal));
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Resident) && e.EntityId == "*").Select(e => e.Changes).SingleAsync();
        Assert.Contains("3 rows", audit, StringComparison.Ordinal);

        // Nothing applied before was reverted on the way: the rows written before the upgrade keep
        // their audit key id and the whole chain verifies with the keys.
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(e => e.KeyId).ToListAsync(), string.IsNullOrEmpty);
        var verification = await database.Verifier.VerifyAsync(db);
        Assert.True(verification.IsIntact, verification.Message);
    }

    [Fact]
    public async Task The_plain_columns_cannot_be_dropped_while_a_row_is_unencrypted()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await AtMigrationBeforeEncryptionWithPlainRowsAsync(database);
        await using var db = database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync(Migration(db, PersonalDataMigration.ColumnsMigration));

        await Assert.ThrowsAnyAsync<Exception>(() => db.GetService<IMigrator>().MigrateAsync(Migration(db, PersonalDataMigration.PlainColumnsDroppedMigration)));

        Assert.Contains(await RawTextAsync(database), v => v == IdNumbers[0]);
    }

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
            var resident = new Resident("测试居民", IdCardNumber.Parse(IdNumbers[1]), PhoneNumber.Parse(Phones[1]), community.Id);
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
            Assert.Empty(await db.Residents.WithIdNumber(db, IdNumbers[1]).ToListAsync());

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
            var found = await db.Residents.AsNoTracking().WithIdNumber(db, IdNumbers[1]).SingleAsync();
            Assert.Equal(id, found.Id);
            Assert.Equal(Phones[1], found.Phone);
            Assert.Equal(id, (await db.Residents.AsNoTracking().WithIdNumberOrPhoneEnding(db, Phones[1][^4..]).SingleAsync()).Id);
            Assert.Empty(await PersonalDataMigration.RekeyAsync(db));
        }
    }

    private static string Migration(PortalDbContext db, string name) => db.Database.GetMigrations().Single(m => m.EndsWith("_" + name, StringComparison.Ordinal));

    /// <summary>
    /// The database at the migration before <c>PersonalDataColumns</c>, with three residents, a
    /// household member and an enterprise contact written in plain text as the code of then did.
    /// </summary>
    private async Task<Guid> AtMigrationBeforeEncryptionWithPlainRowsAsync(TestDatabase database)
    {
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.IndexOf(Migration(db, PersonalDataMigration.ColumnsMigration)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        // Audited as the portal before the upgrade audits: rows sealed with the audit key.
        Guid community;
        await using (var db = database.CreateContext())
        {
            community = (await TestCity.AddCommunityAsync(db)).Id;
        }

        var household = Guid.NewGuid();
        var sql = new List<string>();
        for (var i = 0; i < IdNumbers.Length; i++)
        {
            var idCard = IdCardNumber.Parse(IdNumbers[i]);
            sql.Add($"""INSERT INTO "Residents" ("Id", "Name", "IdNumber", "BirthDate", "Sex", "Phone", "CommunityId", "Version") VALUES ({Uuid(Guid.NewGuid())}, '居民{i}', '{IdNumbers[i]}', {Date(idCard.BirthDate)}, '{idCard.Sex}', '{Phones[i]}', {Uuid(community)}, 0)""");
        }

        sql.Add($"""INSERT INTO "Households" ("Id", "CommunityId", "Address", "IsZeroEmployment", "Version") VALUES ({Uuid(household)}, {Uuid(community)}, '测试路1号', {Bool(false)}, 0)""");
        sql.Add($"""INSERT INTO "HouseholdMembers" ("Id", "HouseholdId", "Relation", "Name", "IdNumber", "AbleToWork", "WantsWork", "IsEmployed") VALUES ({Uuid(Guid.NewGuid())}, {Uuid(household)}, 'Head', '居民0', '{IdNumbers[0]}', {Bool(true)}, {Bool(true)}, {Bool(false)})""");
        sql.Add($"""INSERT INTO "Enterprises" ("Id", "CreditCode", "Name", "CommunityId", "Address", "Latitude", "Longitude", "Status", "Version", "ContactPhone") VALUES ({Uuid(Guid.NewGuid())}, '91360100MA35XXXX0X', '测试企业', {Uuid(community)}, '测试路2号', 28.6, 115.8, 'Verified', 0, '0791-86123456')""");
        foreach (var statement in sql)
        {
            await database.ExecuteSqlAsync(statement);
        }

        return community;
    }

    private string Uuid(Guid id) => Provider == DatabaseProvider.Postgres ? $"'{id}'::uuid" : $"'{id.ToString().ToUpperInvariant()}'";

    private string Date(DateOnly date) => Provider == DatabaseProvider.Postgres ? $"DATE '{date:yyyy-MM-dd}'" : $"'{date:yyyy-MM-dd}'";

    private string Bool(bool value) => Provider == DatabaseProvider.Postgres ? (value ? "true" : "false") : (value ? "1" : "0");

    /// <summary>Every text value of the tables holding personal data, read below EF Core.</summary>
    private static async Task<List<string>> RawTextAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var values = new List<string>();
        foreach (var table in new[] { "Residents", "HouseholdMembers", "Enterprises", "AuditEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i) && reader.GetValue(i) is string text)
                    {
                        values.Add(text);
                    }
                }
            }
        }

        return values;
    }

    private static PortalKey Key(string id) => new(id, Convert.FromBase64String(PortalKeyRing.NewKeyBase64()));

    private static PortalKeyRing Ring((string Encryption, string Index) ids) => PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
    {
        [KeyPurpose.AuditChain] = TestKeys.Ring.All(KeyPurpose.AuditChain).ToArray(),
        [KeyPurpose.PersonalDataEncryption] = [Key(ids.Encryption)],
        [KeyPurpose.PersonalDataIndex] = [Key(ids.Index)],
    });

    private sealed class Factory(TestDatabase database) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => database.CreateContext();
    }
}

public sealed class SqlitePersonalDataMigrationTests : PersonalDataMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPersonalDataMigrationTests : PersonalDataMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
