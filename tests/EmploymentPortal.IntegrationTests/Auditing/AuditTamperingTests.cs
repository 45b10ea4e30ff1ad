using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Auditing;

/// <summary>
/// Someone with write access to the database, but not to the audit key or the anchor file, tries
/// to rewrite the audit trail; <c>verify-audit</c> must say what happened and exit non-zero, on
/// both providers. Each test starts from 8 rows (a community: 3 rows, then 5 moves; when the portal
/// anchors, 4 moves and the data-protection key the portal creates at its first start) and an
/// anchor of that head.
/// </summary>
public sealed class AuditTamperingTests
{
    private const long Rows = 8;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_reports_a_chain_recomputed_without_the_key(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider);

        await RewriteAsync(database, fromSequence: 3, PlainSha256);

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(2, exitCode);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(2, verification.CheckedRows);
        Assert.Contains("自第 3 条起的 6 条", verification.Message, StringComparison.Ordinal);
        Assert.Contains("审计链被重算", verification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_reports_a_row_changed_without_recomputing(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider);

        await database.ExecuteSqlAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = 4");

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(2, exitCode);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Equal("第 4 条审计记录的内容与其密钥哈希不符（记录被篡改）。", verification.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_reports_deleted_newest_rows_against_the_anchor_the_portal_wrote_at_shutdown(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider, anchorThroughThePortal: true);

        await database.ExecuteSqlAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > 5");

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(2, exitCode);
        Assert.Equal(6, verification.FirstBrokenSequence);
        Assert.Contains("最新的审计记录被删除：表中最后一条为第 5 条", verification.Message, StringComparison.Ordinal);
        Assert.Contains($"已记录到第 {Rows} 条（至少缺少 3 条）", verification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_reports_an_emptied_table(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider);

        await database.ExecuteSqlAsync("DELETE FROM \"AuditEntries\"");

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("审计记录被清空：表中没有任何记录", verification.Message, StringComparison.Ordinal);
        Assert.Contains($"已记录到第 {Rows} 条", verification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_reports_anchored_rows_rewritten_with_a_stolen_key(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider);

        await RewriteAsync(database, fromSequence: 3, e => AuditChain.ComputeHash(e, TestKeys.Ring.Current(KeyPurpose.AuditChain)));

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(2, exitCode);
        Assert.Equal(Rows, verification.FirstBrokenSequence);
        Assert.Contains($"第 {Rows} 条审计记录的哈希与", verification.Message, StringComparison.Ordinal);
        Assert.Contains("锚点不符", verification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_does_not_pass_a_chain_without_its_anchor_file(DatabaseProvider provider)
    {
        await using var database = await PrepareAsync(provider, anchorThroughThePortal: true);
        Assert.True(File.Exists(database.AnchorFile), "the portal anchors the chain at start and at shutdown");

        File.Delete(database.AnchorFile);

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.Equal(3, exitCode);
        Assert.Equal(AuditVerdict.Unanchored, verification.Verdict);
        Assert.Contains("未找到锚点文件", verification.Message, StringComparison.Ordinal);
        Assert.Contains("无法发现最新记录被删除或整表被清空", verification.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A migrated database with <see cref="Rows"/> audit rows and an anchor of that head, written
    /// by the anchoring service, or by a portal started and stopped on the database.
    /// </summary>
    private static async Task<TestDatabase> PrepareAsync(DatabaseProvider provider, bool anchorThroughThePortal = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using (var db = database.CreateContext(new TestActor("setup", "setup")))
        {
            var community = await TestCity.AddCommunityAsync(db);
            // A portal started on the database writes one row of its own: its data-protection key.
            for (var i = 1; i <= Rows - 3 - (anchorThroughThePortal ? 1 : 0); i++)
            {
                community.MoveStation(28.68, 115.86, $"地址{i}");
                await db.SaveChangesAsync();
            }
        }

        if (anchorThroughThePortal)
        {
            await using var portal = new PortalAppFactory(database, prepareDatabase: false);
            _ = portal.Server;
        }
        else
        {
            await using var app = CommandHost.Build(database);
            await app.Services.GetRequiredService<AuditAnchorService>().AnchorAsync();
        }

        var (exitCode, verification) = await VerifyAuditAsync(database);
        Assert.True(exitCode == 0, verification.Message);
        Assert.Equal(Rows, verification.CheckedRows);
        return database;
    }

    /// <summary>
    /// Changes the actor of row <paramref name="fromSequence"/> and recomputes that hash and every
    /// later one with <paramref name="hash"/>, so that each link to the row before holds.
    /// </summary>
    private static async Task RewriteAsync(TestDatabase database, long fromSequence, Func<AuditEntry, string> hash)
    {
        await using var db = database.CreateContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= fromSequence).OrderBy(e => e.Sequence).ToListAsync();
        var previous = (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == fromSequence - 1)).Hash;
        rows[0].ActorName = "someone-else";
        foreach (var row in rows)
        {
            row.PreviousHash = previous;
            row.Hash = hash(row);
            previous = row.Hash;
            await database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"ActorName\" = '{row.ActorName}', \"PreviousHash\" = '{row.PreviousHash}', \"Hash\" = '{row.Hash}' WHERE \"Sequence\" = {row.Sequence}");
        }
    }

    /// <summary>What an attacker without the key can compute: SHA-256 over the row's fields.</summary>
    private static string PlainSha256(AuditEntry entry)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence, entry.Timestamp.UtcTicks, entry.ActorId, entry.ActorName, entry.EntityType, entry.EntityId, entry.Action.ToString(), entry.Changes, entry.PreviousHash, entry.KeyId,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Runs <c>verify-audit</c> as an operator would, and the verification it printed.</summary>
    private static async Task<(int ExitCode, AuditVerification Verification)> VerifyAuditAsync(TestDatabase database)
    {
        await using var app = CommandHost.Build(database);
        var exitCode = await PortalCommands.RunAsync(app, "verify-audit");
        await using var db = database.CreateContext();
        return (exitCode, await app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(db));
    }
}
