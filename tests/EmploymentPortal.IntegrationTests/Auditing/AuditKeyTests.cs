using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Auditing;

/// <summary>
/// The audit keys: rotation keeps old rows verifiable while the retired key is kept, and a row
/// without a key id is reported, never sealed by the portal (the step that sealed a chain written
/// before the chain was keyed went with the squash of the migrations).
/// </summary>
public abstract class AuditKeyTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected AuditKeyTests(DatabaseProvider provider)
    {
        _provider = provider;
    }

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Rows_keep_the_key_they_were_sealed_with_and_verify_after_rotation_while_it_is_kept()
    {
        var retired = new PortalKey("k2026", Convert.FromBase64String(PortalKeyRing.NewKeyBase64()));
        var current = new PortalKey("k2027", Convert.FromBase64String(PortalKeyRing.NewKeyBase64()));
        await AddCommunityAsync(Ring(retired));
        await AddCommunityAsync(Ring(current, retired));

        await using var db = Database.CreateContext();
        var afterRotation = await new AuditVerifier(Ring(current, retired), new AuditAnchorFile(Database.AnchorFile)).VerifyAsync(db);
        var withoutTheRetiredKey = await new AuditVerifier(Ring(current), new AuditAnchorFile(Database.AnchorFile)).VerifyAsync(db);

        Assert.Equal(["k2026", "k2026", "k2026", "k2027", "k2027", "k2027"], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.KeyId).ToListAsync());
        Assert.True(afterRotation.IsIntact, afterRotation.Message);
        Assert.Equal(6, afterRotation.CheckedRows);
        Assert.False(withoutTheRetiredKey.IsIntact);
        Assert.Equal(1, withoutTheRetiredKey.FirstBrokenSequence);
        Assert.Contains("由密钥“k2026”封存，但本机的密钥配置中没有该密钥", withoutTheRetiredKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_without_a_key_id_is_reported_as_not_sealed_and_migrate_leaves_it_so()
    {
        await AddCommunityAsync(TestKeys.Ring);
        await using var app = CommandHost.Build(Database);
        await Database.ExecuteSqlAsync("UPDATE \"AuditEntries\" SET \"KeyId\" = ''");

        var exitCode = await PortalCommands.RunAsync(app, "migrate");

        Assert.Equal(0, exitCode);
        await using var db = Database.CreateContext();
        Assert.All(await db.AuditEntries.Select(e => e.KeyId).ToListAsync(), id => Assert.Equal(string.Empty, id));
        var verification = await Database.Verifier.VerifyAsync(db);
        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstBrokenSequence);
        Assert.Contains("第 1 条审计记录没有密钥标识", verification.Message, StringComparison.Ordinal);
    }

    private static PortalKeyRing Ring(params PortalKey[] auditKeys) => PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
    {
        [KeyPurpose.AuditChain] = auditKeys,
        [KeyPurpose.PersonalDataEncryption] = [TestKeys.Ring.Current(KeyPurpose.PersonalDataEncryption)],
        [KeyPurpose.PersonalDataIndex] = [TestKeys.Ring.Current(KeyPurpose.PersonalDataIndex)],
    });

    private async Task AddCommunityAsync(PortalKeyRing keys)
    {
        await using var db = Database.CreateContext(keys: keys);
        await TestCity.AddCommunityAsync(db);
    }
}

public sealed class SqliteAuditKeyTests : AuditKeyTests
{
    public SqliteAuditKeyTests()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresAuditKeyTests : AuditKeyTests
{
    public PostgresAuditKeyTests()
        : base(DatabaseProvider.Postgres)
    {
    }
}
