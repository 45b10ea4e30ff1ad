using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// The portal's administrative commands, run as <c>dotnet run --project src/EmploymentPortal.Web -- COMMAND</c>
/// (or <c>EmploymentPortal.Web COMMAND</c> when published): they use the same configuration as
/// the server and exit instead of serving.
/// </summary>
internal static class PortalCommands
{
    public static readonly string[] Names = ["migrate", "seed-demo", "verify-audit", "rekey-personal-data"];

    /// <summary>The command named in the arguments, if any.</summary>
    public static string? Find(string[] args) => args.FirstOrDefault(a => Names.Contains(a, StringComparer.Ordinal));

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentPortal.Commands");
        switch (command)
        {
            case "migrate":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                logger.LogInformation("Migrations applied");
                return 0;
            case "seed-demo":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                var report = await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
                PrintDemoAccounts(report);
                return 0;
            case "verify-audit":
                await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
                {
                    var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(db);
                    Console.WriteLine(verification.Message);
                    return VerifyAuditExitCode(verification.Verdict);
                }

            case "rekey-personal-data":
                // After a key rotation: re-encrypt with the current key, rehash with the current
                // index key (docs/personal-data.md).
                await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
                {
                    var counts = await PersonalDataMigration.RekeyAsync(db);
                    await PersonalDataMigration.AuditAsync(db, "rekey-personal-data", counts);
                    Console.WriteLine(counts.Count == 0
                        ? "Personal data: every value is under the current keys already."
                        : string.Join(Environment.NewLine, counts.Select(c => $"Personal data: {c.Value} row(s) of {c.Key} re-encrypted or rehashed.")));
                    return 0;
                }

            default:
                return 1;
        }
    }

    /// <summary>
    /// The exit code of <c>verify-audit</c>: 0 intact and anchored, 2 broken (a row changed, deleted
    /// or forged), 3 consistent but not checked against an anchor (no anchor file).
    /// </summary>
    public static int VerifyAuditExitCode(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Intact => 0,
        AuditVerdict.Unanchored => 3,
        _ => 2,
    };

    /// <summary>
    /// Prepares the database before serving: SQLite always migrates, PostgreSQL only when
    /// <c>Database:MigrateOnStartup</c> is set. A new SQLite database gets the demo city, so
    /// that the README's one command shows a working portal.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (options.Provider == DatabaseProvider.Sqlite || options.MigrateOnStartup)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        var seedOnStart = app.Configuration.GetValue("Demo:SeedOnStartup", options.Provider == DatabaseProvider.Sqlite);
        if (seedOnStart)
        {
            var seeder = services.GetRequiredService<DemoDataSeeder>();
            var report = await seeder.SeedAsync();
            await Features.Claims.DemoClaims.SeedAsync(services);
            if (report.Accounts.Count > 0)
            {
                app.Lifetime.ApplicationStarted.Register(() => PrintDemoAccounts(report, app.Urls));
            }
        }
    }

    private static void PrintDemoAccounts(DemoSeedReport report, ICollection<string>? urls = null)
    {
        Console.WriteLine();
        Console.WriteLine("==================== 就业公共服务平台 EmploymentPortal ==================");
        if (urls is { Count: > 0 })
        {
            Console.WriteLine($"  地址 URL: {string.Join("  ", urls)}");
        }

        Console.WriteLine(report.Created ? "  已创建演示数据 (demo data created)." : "  演示数据已存在 (demo data present).");
        Console.WriteLine($"  演示账号 demo accounts (密码 password: {report.Password ?? "见配置 Demo:Password / see Demo:Password"})");
        foreach (var account in report.Accounts)
        {
            Console.WriteLine($"    {account.UserName,-12} {account.Role,-15} {account.Description}");
        }

        Console.WriteLine("========================================================================");
        Console.WriteLine();
    }
}
