using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using Npgsql;

namespace EmploymentPortal.Bench.Rules;

/// <summary>
/// <c>evaluate-batch</c>: one rule for every resident of a PostgreSQL database (issue 5). One
/// thread streams the residents (binary COPY, or a data reader with --read reader) into chunks of 16,384 rows (24 bytes a row);
/// the workers evaluate chunks as they arrive (<c>--mode pipeline</c>), or after the whole table
/// is read (<c>--mode phases</c>, which times the read and the evaluation apart). Each worker
/// keeps one facts object and updates the resident's values in place.
/// </summary>
public static class EvaluateBatchCommand
{
    private const int ChunkSize = 16_384;

    private readonly record struct ResidentRow(Guid Id, DateOnly BirthDate, bool Male);

    private sealed record Chunk(ResidentRow[] Rows, int Count);

    private sealed class Tally
    {
        public readonly long[] Outcomes = new long[4];
        public readonly Dictionary<string, long> Flags = new(StringComparer.Ordinal);
        public long AmountFen;
        public long WithAmount;
        public long Residents;

        public void Add(Tally other)
        {
            for (var o = 0; o < Outcomes.Length; o++)
            {
                Outcomes[o] += other.Outcomes[o];
            }

            AmountFen += other.AmountFen;
            WithAmount += other.WithAmount;
            Residents += other.Residents;
            foreach (var (flag, count) in other.Flags)
            {
                Flags[flag] = Flags.GetValueOrDefault(flag) + count;
            }
        }
    }

    public static int Run(EvaluateBatchOptions options)
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
        var scenario = new Scenario(rule.Benefit, jurisdiction, options.Date, rule.Id, PolicyDates.AddMonths(options.Date, -8), options.Trace);
        Console.WriteLine($"Catalogue {catalogue.Version} loaded in {load.Elapsed.TotalSeconds:0.00} s; rule {rule.Id} ({rule.Title}), jurisdiction {jurisdiction}, date {Iso(options.Date)}, {options.Workers} workers, " +
                          $"trace {(options.Trace ? "on" : "off")}, mode {(options.Phases ? "phases" : "pipeline")}, read {(options.Copy ? "binary COPY" : "data reader")}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Batch ? " non-concurrent" : " concurrent")}.");

        // A few evaluations before the clock starts: JIT and the first use of each code path.
        var warmUpFacts = new ResidentFacts(scenario);
        var warmUp = evaluator.Evaluate(warmUpFacts.Request(new ResidentRow(Guid.Empty, new DateOnly(2000, 1, 1), true)));
        for (var i = 0; i < 1000; i++)
        {
            evaluator.Evaluate(warmUpFacts.Request(new ResidentRow(Guid.Empty, new DateOnly(1960 + i % 50, 1 + i % 12, 1 + i % 28), i % 2 == 0)));
        }

        var samples = new ConcurrentDictionary<Outcome, RuleDecision>();
        var queue = options.Phases ? new BlockingCollection<Chunk>() : new BlockingCollection<Chunk>(boundedCapacity: 32);
        var total = new Tally();
        var gate = new object();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var readTime = TimeSpan.Zero;
        long rows = 0;
        var reader = new Thread(() =>
        {
            try
            {
                rows = options.Copy ? CopyResidents(options.ConnectionString, queue) : ReadResidents(options.ConnectionString, queue);
                readTime = wall.Elapsed;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { Name = "read residents", IsBackground = true };
        reader.Start();

        var evaluateFrom = TimeSpan.Zero;
        var cpuEvaluateFrom = cpuBefore;
        if (options.Phases)
        {
            reader.Join();
            evaluateFrom = wall.Elapsed;
            cpuEvaluateFrom = Process.GetCurrentProcess().TotalProcessorTime;
        }

        var workers = Enumerable.Range(0, options.Workers).Select(w => new Thread(() =>
        {
            var facts = new ResidentFacts(scenario);
            var tally = new Tally();
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    var decision = evaluator.Evaluate(facts.Request(chunk.Rows[i])).Decisions[0];
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

                    if (!samples.ContainsKey(decision.Outcome))
                    {
                        // The sample's reasons: the same resident again, with the trace.
                        samples.TryAdd(decision.Outcome, evaluator.Evaluate(new ResidentFacts(scenario with { Trace = true }).Request(chunk.Rows[i])).Decisions[0]);
                    }
                }

                tally.Residents += chunk.Count;
            }

            lock (gate)
            {
                total.Add(tally);
            }
        }) { Name = $"evaluate {w}", IsBackground = true }).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        reader.Join();
        wall.Stop();
        var cpuEnd = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = cpuEnd - cpuBefore;
        var evaluateTime = wall.Elapsed - evaluateFrom;

        Console.WriteLine();
        Console.WriteLine($"Rows              {rows,12:N0}  (evaluated {total.Residents:N0})");
        Console.WriteLine($"Read (PostgreSQL) {readTime.TotalSeconds,12:0.000} s  {rows / readTime.TotalSeconds,12:N0} rows/s{(options.Phases ? "" : "  (while the workers evaluate)")}");
        if (options.Phases)
        {
            var cpuEvaluate = cpuEnd - cpuEvaluateFrom;
            Console.WriteLine($"Evaluate          {evaluateTime.TotalSeconds,12:0.000} s  {rows / evaluateTime.TotalSeconds,12:N0} residents/s");
            Console.WriteLine($"  CPU time of the evaluation {cpuEvaluate.TotalSeconds:0.000} s = {cpuEvaluate.TotalMicroseconds / Math.Max(rows, 1):0.00} µs a resident (all threads, GC included; steadier than wall time on a shared machine)");
        }

        Console.WriteLine($"Read + evaluate   {wall.Elapsed.TotalSeconds,12:0.000} s  {rows / wall.Elapsed.TotalSeconds,12:N0} residents/s  (wall, {(options.Phases ? "one after the other" : "overlapped")})");
        Console.WriteLine($"  CPU time of this process {cpu.TotalSeconds:0.000} s = {cpu.TotalMicroseconds / Math.Max(rows, 1):0.00} µs a resident (reading with Npgsql included, the PostgreSQL server not)");
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
        Console.WriteLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MB; GC: gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}; allocated {GC.GetTotalAllocatedBytes() / 1_048_576:N0} MB.");
        return 0;
    }

    private static long CopyResidents(string connectionString, BlockingCollection<Chunk> queue)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var export = connection.BeginBinaryExport("""COPY (SELECT "Id", "BirthDate", "Sex" FROM "Residents") TO STDOUT (FORMAT BINARY)""");
        long count = 0;
        var rows = new ResidentRow[ChunkSize];
        var n = 0;
        while (export.StartRow() != -1)
        {
            // Sex is stored as the enum's name (Male / Female).
            rows[n++] = new ResidentRow(export.Read<Guid>(), export.Read<DateOnly>(), export.Read<string>() == "Male");
            if (n == ChunkSize)
            {
                queue.Add(new Chunk(rows, n));
                count += n;
                rows = new ResidentRow[ChunkSize];
                n = 0;
            }
        }

        if (n > 0)
        {
            queue.Add(new Chunk(rows, n));
            count += n;
        }

        return count;
    }

    private static long ReadResidents(string connectionString, BlockingCollection<Chunk> queue)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT "Id", "BirthDate", "Sex" FROM "Residents" """, connection);
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        long count = 0;
        var rows = new ResidentRow[ChunkSize];
        var n = 0;
        while (reader.Read())
        {
            // Sex is stored as the enum's name (Male / Female).
            rows[n++] = new ResidentRow(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2) == "Male");
            if (n == ChunkSize)
            {
                queue.Add(new Chunk(rows, n));
                count += n;
                rows = new ResidentRow[ChunkSize];
                n = 0;
            }
        }

        if (n > 0)
        {
            queue.Add(new Chunk(rows, n));
            count += n;
        }

        return count;
    }

    /// <summary>What is the same for every resident.</summary>
    private sealed record Scenario(string Benefit, string Jurisdiction, DateOnly Date, string RuleId, DateOnly UnemployedSince, bool Trace);

    /// <summary>
    /// The facts of one resident in the fixed scenario of the help text, as one facts object a
    /// worker keeps: the scenario's values are set once, the resident's (id, birthDate, sex, age)
    /// are replaced for each resident. Dates are <see cref="DateOnly"/> values, not strings.
    /// </summary>
    private sealed class ResidentFacts
    {
        private readonly Scenario _scenario;
        private readonly JsonObject _root;
        private readonly JsonObject _person;

        // A node has one parent: the two sex values are swapped in and out, never shared.
        private readonly JsonNode _male = JsonValue.Create("male");
        private readonly JsonNode _female = JsonValue.Create("female");

        public ResidentFacts(Scenario scenario)
        {
            _scenario = scenario;
            var day = scenario.Date;
            _person = new JsonObject
            {
                ["id"] = "",
                ["birthDate"] = JsonValue.Create(day),
                ["sex"] = null,
                ["age"] = 0,
                ["registeredUnemployed"] = true,
                ["registeredUnemployedSince"] = JsonValue.Create(scenario.UnemployedSince),
                ["unemployed"] = true,
            };
            _root = new JsonObject
            {
                ["person"] = _person,
                ["hire"] = new JsonObject
                {
                    ["date"] = JsonValue.Create(day),
                    ["contractMonths"] = 12,
                    ["socialInsurancePaid"] = true,
                },
                ["training"] = new JsonObject { ["startDate"] = JsonValue.Create(day) },
                ["enterprise"] = new JsonObject { ["id"] = "bench-enterprise" },
            };
        }

        public EvaluationRequest Request(ResidentRow row)
        {
            _person["id"] = row.Id.ToString();
            _person["birthDate"] = JsonValue.Create(row.BirthDate);
            var sex = row.Male ? _male : _female;
            if (!ReferenceEquals(_person["sex"], sex))
            {
                _person["sex"] = sex;
            }

            _person["age"] = PolicyDates.AgeOn(row.BirthDate, _scenario.Date);
            return new EvaluationRequest(_scenario.Benefit, _scenario.Jurisdiction, _scenario.Date, _root,
                IncludeOtherJurisdictions: false, RuleId: _scenario.RuleId, IncludeTrace: _scenario.Trace);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
