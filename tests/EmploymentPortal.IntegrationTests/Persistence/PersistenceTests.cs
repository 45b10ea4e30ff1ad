using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmploymentPortal.IntegrationTests.Persistence;

/// <summary>
/// The data layer on a real database, run once per provider (<see cref="SqlitePersistenceTests"/>,
/// <see cref="PostgresPersistenceTests"/>). Every test gets its own freshly migrated database, so
/// tests that tamper with the audit chain cannot disturb the others.
/// </summary>
public abstract class PersistenceTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected PersistenceTests(DatabaseProvider provider)
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
    public async Task Migrations_apply_on_an_empty_database()
    {
        await using var empty = await TestDatabase.CreateAsync(_provider);
        await using var db = empty.CreateContext();
        var known = db.Database.GetMigrations().ToList();

        await db.Database.MigrateAsync();

        Assert.NotEmpty(known);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(known, await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Model_has_no_changes_that_lack_a_migration()
    {
        await using var db = Database.CreateContext();

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, $"The model of PortalDbContext differs from the last {_provider} migration: run eng/add-migration.sh.");
    }

    [Fact]
    public async Task Concurrent_update_of_the_same_community_raises_a_concurrency_conflict()
    {
        Guid id;
        await using (var setup = Database.CreateContext())
        {
            id = (await TestCity.AddCommunityAsync(setup)).Id;
        }

        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var mine = await first.Communities.SingleAsync(c => c.Id == id);
        var theirs = await second.Communities.SingleAsync(c => c.Id == id);
        mine.MoveStation(28.70, 115.90, "新址一");
        theirs.MoveStation(28.71, 115.91, "新址二");
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = Database.CreateContext();
        var stored = await check.Communities.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal("新址一", stored.StationAddress);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Concurrent_update_of_the_same_enterprise_raises_a_concurrency_conflict()
    {
        Guid id;
        await using (var setup = Database.CreateContext())
        {
            var community = await TestCity.AddCommunityAsync(setup);
            var enterprise = TestCity.NewEnterprise(community.Id);
            setup.Enterprises.Add(enterprise);
            await setup.SaveChangesAsync();
            id = enterprise.Id;
        }

        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        (await first.Enterprises.SingleAsync(e => e.Id == id)).Verify();
        (await second.Enterprises.SingleAsync(e => e.Id == id)).Verify();
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Audit_chain_verifies_after_inserts_updates_and_deletes()
    {
        await using (var db = Database.CreateContext(new TestActor("u-1", "tester")))
        {
            var community = await TestCity.AddCommunityAsync(db);
            community.MoveStation(28.69, 115.87, "迁址后的服务站");
            await db.SaveChangesAsync();
            var enterprise = TestCity.NewEnterprise(community.Id);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
            db.Enterprises.Remove(enterprise);
            await db.SaveChangesAsync();
        }

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);

        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(6, verification.CheckedRows);
        Assert.Equal(
            [AuditAction.Insert, AuditAction.Insert, AuditAction.Insert, AuditAction.Update, AuditAction.Insert, AuditAction.Delete],
            await verifier.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_through_the_context()
    {
        await AddAuditedChangesAsync(1);
        await using var db = Database.CreateContext();
        var entry = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();

        entry.ActorName = "someone-else";
        var change = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Unchanged;
        db.AuditEntries.Remove(entry);
        var removal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", change.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", removal.Message, StringComparison.Ordinal);
        await using var verifier = Database.CreateContext();
        Assert.True((await Database.Verifier.VerifyAsync(verifier)).IsIntact);
    }

    [Theory]
    [InlineData("Changes", "'{\"Name\":[null,\"改过的名字\"]}'")]
    [InlineData("ActorName", "'someone-else'")]
    public async Task Tampered_audit_row_is_reported_as_the_first_broken_link(string column, string value)
    {
        await AddAuditedChangesAsync(count: 4);

        await Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"{column}\" = {value} WHERE \"Sequence\" = 3");

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(2, verification.CheckedRows);
    }

    [Fact]
    public async Task Deleted_audit_row_is_reported_as_a_gap()
    {
        await AddAuditedChangesAsync(count: 4);

        await Database.ExecuteSqlAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Contains("缺失", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewritten_audit_row_resealed_with_the_key_breaks_the_next_link()
    {
        await AddAuditedChangesAsync(count: 4);
        await using (var db = Database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            entry.ActorName = "someone-else";
            entry.Hash = AuditChain.ComputeHash(entry, TestKeys.Ring.Current(KeyPurpose.AuditChain));
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = 2", entry.ActorName, entry.Hash);
        }

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task Concurrent_writers_do_not_fork_the_audit_chain()
    {
        const int writers = 12;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(async i =>
        {
            await start.Task;
            Guid communityId;
            await using (var db = Database.CreateContext(new TestActor($"writer-{i}", $"writer-{i}")))
            {
                communityId = (await TestCity.AddCommunityAsync(db)).Id;
            }

            await using (var db = Database.CreateContext(new TestActor($"writer-{i}", $"writer-{i}")))
            {
                var community = await db.Communities.SingleAsync(c => c.Id == communityId);
                community.MoveStation(28.60 + (i / 100.0), 115.80, $"第{i}号服务站");
                db.Enterprises.Add(TestCity.NewEnterprise(communityId, name: $"并发测试企业{i}有限公司"));
                await db.SaveChangesAsync();
            }
        }).ToList();

        start.SetResult();
        await Task.WhenAll(tasks);

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);
        Assert.True(verification.IsIntact, verification.Message);
        var sequences = await verifier.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, writers * 5).Select(n => (long)n), sequences);
    }

    [Fact]
    public async Task Audited_insert_records_actor_entity_action_and_fields()
    {
        await using var db = Database.CreateContext(new TestActor("user-42", "张站长"));

        var community = await TestCity.AddCommunityAsync(db);

        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Community");
        Assert.Equal("user-42", entry.ActorId);
        Assert.Equal("张站长", entry.ActorName);
        Assert.Equal(community.Id.ToString(), entry.EntityId);
        Assert.Equal(AuditAction.Insert, entry.Action);
        using var changes = JsonDocument.Parse(entry.Changes);
        var name = changes.RootElement.GetProperty("Name");
        Assert.Equal(JsonValueKind.Null, name[0].ValueKind);
        Assert.Equal("测试社区", name[1].GetString());
        Assert.Equal(community.Code, changes.RootElement.GetProperty("Code")[1].GetString());
        Assert.False(changes.RootElement.TryGetProperty("Version", out _), "the concurrency version is not a business change");
    }

    [Fact]
    public async Task Audited_update_records_only_the_changed_fields_old_and_new()
    {
        await using var db = Database.CreateContext(new TestActor("user-7", "李经办"));
        var community = await TestCity.AddCommunityAsync(db);
        var oldAddress = community.StationAddress;

        community.MoveStation(community.StationLatitude, community.StationLongitude, "江州市新地址8号");
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.Update);
        Assert.Equal(community.Id.ToString(), entry.EntityId);
        using var changes = JsonDocument.Parse(entry.Changes);
        var changed = changes.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["StationAddress"], changed);
        Assert.Equal(oldAddress, changes.RootElement.GetProperty("StationAddress")[0].GetString());
        Assert.Equal("江州市新地址8号", changes.RootElement.GetProperty("StationAddress")[1].GetString());
    }

    [Fact]
    public async Task RecordRead_writes_a_read_entry_into_the_chain()
    {
        await AddAuditedChangesAsync(count: 1);
        await using var db = Database.CreateContext(new TestActor("user-9", "王复核"));

        db.RecordRead("Resident", "resident-1", "IdNumber");
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(AuditAction.Read, entry.Action);
        Assert.Equal("Resident", entry.EntityType);
        Assert.Equal("resident-1", entry.EntityId);
        Assert.Equal("王复核", entry.ActorName);
        Assert.Contains("IdNumber", entry.Changes, StringComparison.Ordinal);
        var verification = await Database.Verifier.VerifyAsync(db);
        Assert.True(verification.IsIntact, verification.Message);
    }

    [Fact]
    public async Task Failed_save_leaves_no_audit_row_and_a_retry_on_a_fresh_context_chains()
    {
        Guid communityId;
        string takenCode;
        await using (var db = Database.CreateContext())
        {
            communityId = (await TestCity.AddCommunityAsync(db)).Id;
            var existing = TestCity.NewEnterprise(communityId);
            db.Enterprises.Add(existing);
            await db.SaveChangesAsync();
            takenCode = existing.CreditCode;
        }

        var rowsBefore = await CountAuditRowsAsync();
        await using (var failing = Database.CreateContext())
        {
            failing.Enterprises.Add(TestCity.NewEnterprise(communityId, takenCode, "重复代码的企业有限公司"));
            await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync());
        }

        var rowsAfterFailure = await CountAuditRowsAsync();
        await using (var retry = Database.CreateContext())
        {
            retry.Enterprises.Add(TestCity.NewEnterprise(communityId));
            await retry.SaveChangesAsync();
        }

        Assert.Equal(rowsBefore, rowsAfterFailure);
        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(rowsBefore + 1, verification.CheckedRows);
    }

    [Fact]
    public async Task Failed_save_can_be_retried_on_the_same_context_and_chains()
    {
        Guid communityId;
        string takenCode;
        await using (var db = Database.CreateContext())
        {
            communityId = (await TestCity.AddCommunityAsync(db)).Id;
            var existing = TestCity.NewEnterprise(communityId);
            db.Enterprises.Add(existing);
            await db.SaveChangesAsync();
            takenCode = existing.CreditCode;
        }

        var rowsBefore = await CountAuditRowsAsync();
        await using var context = Database.CreateContext();
        var duplicate = TestCity.NewEnterprise(communityId, takenCode, "重复代码的企业有限公司");
        context.Enterprises.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        context.Entry(duplicate).State = EntityState.Detached;
        context.Enterprises.Add(TestCity.NewEnterprise(communityId));
        await context.SaveChangesAsync();

        await using var verifier = Database.CreateContext();
        var verification = await Database.Verifier.VerifyAsync(verifier);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(rowsBefore + 1, verification.CheckedRows);
    }

    /// <summary>Adds a community (3 audit rows: district, street, community), then moves its station <paramref name="count"/> - 1 times (one row each).</summary>
    private async Task AddAuditedChangesAsync(int count)
    {
        await using var db = Database.CreateContext(new TestActor("setup", "setup"));
        var community = await TestCity.AddCommunityAsync(db);
        for (var i = 1; i < count; i++)
        {
            community.MoveStation(28.68, 115.86, $"地址{i}");
            await db.SaveChangesAsync();
        }
    }

    private async Task<int> CountAuditRowsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }
}

public sealed class SqlitePersistenceTests : PersistenceTests
{
    public SqlitePersistenceTests()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresPersistenceTests : PersistenceTests
{
    public PostgresPersistenceTests()
        : base(DatabaseProvider.Postgres)
    {
    }
}
