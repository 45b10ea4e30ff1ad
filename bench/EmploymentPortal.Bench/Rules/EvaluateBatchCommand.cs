using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using Npgsql;

namespace EmploymentPortal.Bench.Rules;

/// <summary>
/// <c>evaluate-batch</c>: one rule for every resident of a PostgreSQL database (issue 5). Two
/// phases, timed apart: the residents are streamed with a data reader into a compact array
/// (24 bytes a row), then evaluated on all cores. Keeping the phases apart gives the read and
/// the evaluation times separately, and keeps the evaluation from competing with Npgsql and the
/// server for the two cores.
/// </summary>
public static class EvaluateBatchCommand
{
    private readonly record struct ResidentRow(Guid Id, DateOnly BirthDate, bool Male);

    private sealed class Tally
    {
        public readonly long[] Outcomes = new long[4];
        public readonly Dictionary<string, long> Flags = new(StringComparer.Ordinal);
        public long AmountFen;
        public long WithAmount;
    }

    public static async Task<int> RunAsync(EvaluateBatchOptions options)
    {
        var load = Stopwatch.StartNew();
        var catalogue = PolicyCatalogue.LoadEmbedded(options.PolicyTexts ?? PolicyTextLocator.Locate());
        if (options.LocalParameters is { } overlay)
        {
            catalogue = catalogue.WithLocalParameters(LocalParameterOverlay.FromYaml(File.ReadAllText(overlay), Path.GetFileName(overlay)));
        }

        if (catalogue.FindRule(options.RuleId) is not { } rule)
        {
            Console.Error.WriteLine($"No rule '{options.RuleId}' in catalogue {catalogue.Version}.");
            return 2;
        }

        var evaluator = new EligibilityEvaluator(catalogue);
        var jurisdiction = catalogue.DocumentOf(rule).Jurisdictions[0];
        var scenario = new Scenario(rule.Benefit, jurisdiction, options.Date, rule.Id, Iso(options.Date), Iso(PolicyDates.AddMonths(options.Date, -8)));
        Console.WriteLine($"Catalogue {catalogue.Version} loaded in {load.Elapsed.TotalSeconds:0.00} s; rule {rule.Id} ({rule.Title}), jurisdiction {jurisdiction}, date {Iso(options.Date)}, {options.Workers} workers.");

        var read = Stopwatch.StartNew();
        var rows = await ReadResidentsAsync(options.ConnectionString);
        read.Stop();

        // One evaluation before the clock starts: JIT and the first use of each code path.
        var warmUp = evaluator.Evaluate(Request(scenario, rows.Count > 0 ? rows[0] : new ResidentRow(Guid.Empty, new DateOnly(2000, 1, 1), true)));

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var evaluate = Stopwatch.StartNew();
        var total = new Tally();
        var samples = new ConcurrentDictionary<Outcome, RuleDecision>();
        var gate = new object();
        Parallel.ForEach(
            Partitioner.Create(0, rows.Count, 16_384),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers },
            () => new Tally(),
            (range, _, tally) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var decision = evaluator.Evaluate(Request(scenario, rows[i])).Decisions[0];
                    tally.Outcomes[(int)decision.Outcome]++;
                    if (decision.AmountFen is { } fen)
                    {
                        tally.AmountFen += fen;
                        tally.WithAmount++;
                    }

                    foreach (var flag in decision.Flags)
                    {
                        tally.Flags[flag] = tally.Flags.GetValueOrDefault(flag) + 1;
                    }

                    samples.TryAdd(decision.Outcome, decision);
                }

                return tally;
            },
            tally =>
            {
                lock (gate)
                {
                    for (var o = 0; o < total.Outcomes.Length; o++)
                    {
                        total.Outcomes[o] += tally.Outcomes[o];
                    }

                    total.AmountFen += tally.AmountFen;
                    total.WithAmount += tally.WithAmount;
                    foreach (var (flag, count) in tally.Flags)
                    {
                        total.Flags[flag] = total.Flags.GetValueOrDefault(flag) + count;
                    }
                }
            });
        evaluate.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var seconds = read.Elapsed.TotalSeconds + evaluate.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"Rows              {rows.Count,12:N0}");
        Console.WriteLine($"Read (PostgreSQL) {read.Elapsed.TotalSeconds,12:0.000} s  {rows.Count / read.Elapsed.TotalSeconds,12:N0} rows/s");
        Console.WriteLine($"Evaluate          {evaluate.Elapsed.TotalSeconds,12:0.000} s  {rows.Count / evaluate.Elapsed.TotalSeconds,12:N0} residents/s  ({evaluate.Elapsed.TotalMicroseconds * options.Workers / Math.Max(rows.Count, 1):0.00} µs a resident per worker)");
        Console.WriteLine($"  CPU time of the evaluation {cpu.TotalSeconds:0.000} s = {cpu.TotalMicroseconds / Math.Max(rows.Count, 1):0.00} µs a resident (all threads, GC included; steadier than wall time on a shared machine)");
        Console.WriteLine($"Read + evaluate   {seconds,12:0.000} s  {rows.Count / seconds,12:N0} residents/s");
        Console.WriteLine();
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            Console.WriteLine($"  {outcome,-17} {total.Outcomes[(int)outcome],12:N0}");
        }

        foreach (var (flag, count) in total.Flags.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  flag {flag,-22} {count,12:N0}");
        }

        Console.WriteLine($"  amounts: {total.WithAmount:N0} decisions with an amount, sum {total.AmountFen:N0} fen = ¥{total.AmountFen / 100m:N2}");
        Console.WriteLine();
        foreach (var (outcome, decision) in samples.OrderBy(s => s.Key))
        {
            Console.WriteLine($"  e.g. {outcome}: {string.Join(" | ", decision.Reasons.DefaultIfEmpty("—"))}");
        }

        GC.KeepAlive(warmUp);
        Console.WriteLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MB; GC: gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}.");
        return 0;
    }

    private static async Task<List<ResidentRow>> ReadResidentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "BirthDate", "Sex" FROM "Residents" """, connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
        var rows = new List<ResidentRow>(1 << 20);
        while (await reader.ReadAsync())
        {
            // Sex is stored as the enum's name (Male / Female).
            rows.Add(new ResidentRow(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2) == "Male"));
        }

        return rows;
    }

    /// <summary>What is the same for every resident, formatted once.</summary>
    private sealed record Scenario(string Benefit, string Jurisdiction, DateOnly Date, string RuleId, string Day, string UnemployedSince);

    private static EvaluationRequest Request(Scenario scenario, ResidentRow row) =>
        new(scenario.Benefit, scenario.Jurisdiction, scenario.Date, Facts(row, scenario), IncludeOtherJurisdictions: false, RuleId: scenario.RuleId);

    /// <summary>The facts of one resident in the fixed scenario of the help text.</summary>
    private static JsonObject Facts(ResidentRow row, Scenario scenario)
    {
        var day = scenario.Day;
        return new JsonObject
        {
            ["person"] = new JsonObject
            {
                ["id"] = row.Id.ToString(),
                ["birthDate"] = Iso(row.BirthDate),
                ["sex"] = row.Male ? "male" : "female",
                ["age"] = PolicyDates.AgeOn(row.BirthDate, scenario.Date),
                ["registeredUnemployed"] = true,
                ["registeredUnemployedSince"] = scenario.UnemployedSince,
                ["unemployed"] = true,
            },
            ["hire"] = new JsonObject
            {
                ["date"] = day,
                ["contractMonths"] = 12,
                ["socialInsurancePaid"] = true,
            },
            ["training"] = new JsonObject { ["startDate"] = day },
            ["enterprise"] = new JsonObject { ["id"] = "bench-enterprise" },
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
