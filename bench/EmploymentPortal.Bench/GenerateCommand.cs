using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Bench.Generation;
using EmploymentPortal.Bench.Loading;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Bench;

/// <summary>
/// <c>generate</c>: migrates the database, creates the scale city's geography when absent, and
/// bulk loads enterprises and residents, printing rows, seconds and rows/s for each table.
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(GenerateOptions options, CancellationToken cancellationToken = default)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();

        // No interceptors: neither the audit interceptor nor the version interceptor runs here.
        BenchKeys.Configure(builder, options.Provider, options.ConnectionString);
        await using var db = new PortalDbContext(builder.Options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));

        Console.WriteLine($"EmploymentPortal scale data: provider {options.Provider}, seed {options.Seed}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var clock = Stopwatch.StartNew();
        await db.Database.MigrateAsync(cancellationToken);
        Console.WriteLine($"Migrations applied ({clock.Elapsed.TotalSeconds:F1} s).");

        clock.Restart();
        var geography = await ScaleCity.EnsureAsync(db, options.Communities, options.Seed, cancellationToken);
        var communities = geography.Communities;
        Console.WriteLine(geography.Created
            ? $"Geography created: {geography.Districts} districts, {geography.Streets} streets, {communities.Count:N0} communities (codes {ScaleCity.CodePrefix}xx…, {clock.Elapsed.TotalSeconds:F1} s)."
            : $"Geography present: {geography.Districts} districts, {geography.Streets} streets, {communities.Count:N0} communities (codes {ScaleCity.CodePrefix}xx…); --communities ignored.");

        Console.WriteLine("Note: bulk rows are written below EF Core and bypass the audit interceptor on purpose (scale data is synthetic): no audit entries are written for them.");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var loader = CreateLoader(options.Provider, connection);
            try
            {
                if (await db.Enterprises.AnyAsync(e => e.CreditCode.StartsWith(ScaleRows.CreditCodePrefix), cancellationToken))
                {
                    Console.WriteLine("Enterprises: scale rows present already; skipped (use a fresh database to measure).");
                }
                else
                {
                    Measure("Enterprises", options.Enterprises, progress => loader.LoadEnterprises(ScaleRows.Enterprises(options.Enterprises, options.Seed, communities), progress));
                }

                if (await ScaleResidents(db).AnyAsync(cancellationToken))
                {
                    Console.WriteLine("Residents: scale rows present already; skipped (use a fresh database to measure).");
                }
                else
                {
                    Measure("Residents", options.Residents, progress => loader.LoadResidents(ScaleRows.Residents(options.Residents, options.Seed, communities), progress));
                }
            }
            finally
            {
                (loader as IDisposable)?.Dispose();
            }

            if (options.Vacancies is { } vacancies)
            {
                if (options.Provider != DatabaseProvider.Postgres)
                {
                    Console.WriteLine($"Vacancies: {vacancies:N0} requested; generated on PostgreSQL only (binary COPY), nothing generated.");
                }
                else if (await db.Vacancies.AnyAsync(v => db.Enterprises.Any(e => e.Id == v.EnterpriseId && e.CreditCode.StartsWith(ScaleRows.CreditCodePrefix)), cancellationToken))
                {
                    Console.WriteLine("Vacancies: scale rows present already; skipped (use a fresh database to measure).");
                }
                else
                {
                    var today = Domain.Common.PortalCalendar.DateOf(DateTimeOffset.UtcNow);
                    var started = Stopwatch.StartNew();
                    var rows = await ScaleVacancies.LoadAsync((NpgsqlConnection)connection, vacancies, options.Seed, today, done => Console.WriteLine($"  Vacancies: {done:N0} / {vacancies:N0} rows, {started.Elapsed.TotalSeconds:F1} s"), cancellationToken);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"Vacancies",-12} {rows,12:N0} rows {started.Elapsed.TotalSeconds,9:F2} s {rows / Math.Max(started.Elapsed.TotalSeconds, 1e-9),12:N0} rows/s"));
                }
            }

            if (options.Provider == DatabaseProvider.Postgres)
            {
                clock.Restart();
                await Execute(connection, """ANALYZE "Districts", "Streets", "Communities", "Enterprises", "Residents", "Vacancies";""", cancellationToken);
                Console.WriteLine($"ANALYZE: {clock.Elapsed.TotalSeconds:F1} s.");
                await PrintPostgresSizesAsync(connection, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await VerifyAsync(db, cancellationToken);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"Peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB.");
        return 0;
    }

    /// <summary>
    /// The scale city's residents: those of its communities (the ID numbers are encrypted, so
    /// their region prefix cannot be queried).
    /// </summary>
    private static IQueryable<Domain.Residents.Resident> ScaleResidents(PortalDbContext db) =>
        db.Residents.Where(r => db.Communities.Any(c => c.Id == r.CommunityId && c.Code.StartsWith(ScaleCity.CodePrefix)));

    private static IBulkLoader CreateLoader(DatabaseProvider provider, DbConnection connection) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresBulkLoader((NpgsqlConnection)connection, BenchKeys.Protector),
        _ => new SqliteBulkLoader((SqliteConnection)connection, BenchKeys.Protector),
    };

    private static void Measure(string table, int expected, Func<Action<long>, long> load)
    {
        var clock = Stopwatch.StartNew();
        var rows = load(done => Console.WriteLine($"  {table}: {done:N0} / {expected:N0} rows, {clock.Elapsed.TotalSeconds:F1} s"));
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table,-12} {rows,12:N0} rows {seconds,9:F2} s {rows / Math.Max(seconds, 1e-9),12:N0} rows/s"));
    }

    private static async Task PrintPostgresSizesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.relname, c.reltuples::bigint, pg_relation_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relname IN ('Districts', 'Streets', 'Communities', 'Enterprises', 'Residents')
            ORDER BY pg_total_relation_size(c.oid) DESC
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Console.WriteLine("Table sizes (pg_total_relation_size = heap + indexes + TOAST):");
        while (await reader.ReadAsync(cancellationToken))
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {reader.GetString(0),-12} ~{reader.GetInt64(1),10:N0} rows  heap {Megabytes(reader.GetInt64(2)),8:F1} MB  indexes {Megabytes(reader.GetInt64(3)),8:F1} MB  total {Megabytes(reader.GetInt64(4)),8:F1} MB"));
        }
    }

    /// <summary>Reads the loaded rows back through EF Core and the value objects: proves the stored formats are the ones the model expects.</summary>
    private static async Task VerifyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var residents = await db.Residents.LongCountAsync(cancellationToken);
        var enterprises = await db.Enterprises.LongCountAsync(cancellationToken);
        var resident = await ScaleResidents(db).AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (resident is not null)
        {
            var idNumber = IdCardNumber.Parse(resident.IdNumber);
            PhoneNumber.Parse(resident.Phone);
            if (idNumber.BirthDate != resident.BirthDate || idNumber.Sex != resident.Sex
                || !await db.Communities.AnyAsync(c => c.Id == resident.CommunityId, cancellationToken))
            {
                throw new InvalidOperationException($"Resident {resident.Id} read back inconsistent.");
            }
        }

        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode.StartsWith(ScaleRows.CreditCodePrefix)).OrderBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        if (enterprise is not null)
        {
            UnifiedSocialCreditCode.Parse(enterprise.CreditCode);
        }

        Console.WriteLine($"Verified through EF Core: {residents:N0} residents, {enterprises:N0} enterprises in the database; first scale rows parse as IdCardNumber / UnifiedSocialCreditCode / PhoneNumber.");
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024);

    private static async Task Execute(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
