using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Policies.Loading;
using Npgsql;
using EmploymentPortal.Domain.ValueObjects;

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

    /// <summary>The reader's output: the queue, and the first chunks kept for --verify (chunks are never reused).</summary>
    private sealed class ChunkSink(BlockingCollection<Chunk> queue, int keep)
    {
        private int _kept;

        public List<Chunk> Kept { get; } = [];

        public void Add(Chunk chunk)
        {
            if (_kept < keep)
            {
                Kept.Add(chunk);
                _kept += chunk.Count;
            }

            queue.Add(chunk);
        }
    }

    private sealed class Tally
    {
        public readonly long[] Outcomes = new long[4];
        public readonly Dictionary<string, long> Flags = new(StringComparer.Ordinal);
        public readonly long[] FlagBits = new long[32];
        public Money Amount;
        public long AllocatedBytes;
        public long WithAmount;
        public long Residents;

        public void Add(Tally other)
        {
            for (var o = 0; o < Outcomes.Length; o++)
            {
                Outcomes[o] += other.Outcomes[o];
            }

            for (var b = 0; b < FlagBits.Length; b++)
            {
                FlagBits[b] += other.FlagBits[b];
            }

            Amount += other.Amount;
            AllocatedBytes += other.AllocatedBytes;
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
        var batchLayout = new FactLayout(ResidentRowFacts.Names);
        var compiled = CompiledRule.Compile(catalogue, rule.Id, jurisdiction, batchLayout);
        Console.WriteLine($"Load average before: {LoadAverage()}");
        Console.WriteLine($"Path: {(options.Compiled ? $"compiled rule over typed fact rows ({(compiled.IsCompiled ? "compiled" : "NOT compiled: through the evaluator")}; reads {string.Join(", ", compiled.FactsRead)})" : "evaluator over JSON facts")}.");
        Console.WriteLine($"Catalogue {catalogue.Version} loaded in {load.Elapsed.TotalSeconds:0.00} s; rule {rule.Id} ({rule.Title}), jurisdiction {jurisdiction}, date {Iso(options.Date)}, {options.Workers} workers, " +
                          $"trace {(options.Trace ? "on" : "off")}, mode {(options.Phases ? "phases" : "pipeline")}, read {(options.Synthetic is not null ? "synthetic" : options.Copy ? "binary COPY" : "data reader")}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Batch ? " non-concurrent" : " concurrent")}.");

        // A few evaluations before the clock starts: JIT and the first use of each code path.
        var warmUpFacts = new ResidentFacts(scenario);
        var warmUp = evaluator.Evaluate(warmUpFacts.Request(new ResidentRow(Guid.Empty, new DateOnly(2000, 1, 1), true)));
        var warmUpRow = new ResidentRowFacts(batchLayout, scenario, compiled);
        for (var i = 0; i < 1000; i++)
        {
            var warm = new ResidentRow(Guid.Empty, new DateOnly(1960 + i % 50, 1 + i % 12, 1 + i % 28), i % 2 == 0);
            evaluator.Evaluate(warmUpFacts.Request(warm));
            compiled.Evaluate(warmUpRow.Fill(warm), scenario.Date);
        }

        var samples = new ConcurrentDictionary<Outcome, RuleDecision>();
        var queue = options.Phases ? new BlockingCollection<Chunk>() : new BlockingCollection<Chunk>(boundedCapacity: 32);
        var sink = new ChunkSink(queue, options.Compiled ? options.Verify : 0);
        // The compiled path reads only the columns of the facts the rule reads (the default rule
        // reads the birth date alone); Id and Sex are then left empty, which changes no decision.
        var birthDateOnly = options.Compiled && options.AllColumns is false && compiled.IsCompiled
                            && !compiled.FactsRead.Contains("person.id") && !compiled.FactsRead.Contains("person.sex");
        Console.WriteLine($"Columns read: {(options.Synthetic is not null ? "none (synthetic)" : birthDateOnly ? "BirthDate (all the rule reads of the resident)" : "Id, BirthDate, Sex")}.");
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
                rows = options.Synthetic is { } synthetic ? SyntheticResidents(synthetic, sink)
                    : options.Copy && birthDateOnly ? CopyBirthDates(options.ConnectionString, sink)
                    : options.Copy ? CopyResidents(options.ConnectionString, sink)
                    : ReadResidents(options.ConnectionString, sink);
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
            var tally = new Tally();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            if (options.Compiled)
            {
                EvaluateCompiled(compiled, scenario, batchLayout, queue, tally, samples, evaluator);
            }
            else
            {
                EvaluateJson(evaluator, scenario, queue, tally, samples);
            }

            tally.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
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
        Console.WriteLine($"{(options.Synthetic is null ? "Read (PostgreSQL)" : "Read (synthetic)")} {readTime.TotalSeconds,12:0.000} s  {rows / readTime.TotalSeconds,12:N0} rows/s{(options.Phases ? "" : "  (while the workers evaluate)")}");
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

        for (var b = 0; b < total.FlagBits.Length; b++)
        {
            if (total.FlagBits[b] > 0)
            {
                foreach (var name in new BatchDecision(Outcome.Eligible, null, (DecisionFlagSet)(1 << b)).FlagNames())
                {
                    total.Flags[name] = total.Flags.GetValueOrDefault(name) + total.FlagBits[b];
                }
            }
        }

        foreach (var (flag, count) in total.Flags.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  flag {flag,-22} {count,12:N0}");
        }

        Console.WriteLine($"  amounts: {total.WithAmount:N0} decisions with an amount, sum {total.Amount}");
        Console.WriteLine();
        foreach (var (outcome, decision) in samples.OrderBy(s => s.Key))
        {
            Console.WriteLine($"  e.g. {outcome}: {string.Join(" | ", decision.Reasons.DefaultIfEmpty("—"))}");
        }

        GC.KeepAlive(warmUp);
        Console.WriteLine($"Allocated by the workers: {total.AllocatedBytes:N0} bytes = {(double)total.AllocatedBytes / Math.Max(total.Residents, 1):0.0} bytes a decision");
        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MB; GC: gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}; allocated {GC.GetTotalAllocatedBytes() / 1_048_576:N0} MB.");
        if (options.Compiled && options.Verify > 0)
        {
            return Verify(options, sink.Kept, compiled, evaluator, scenario, batchLayout);
        }

        return 0;
    }

    /// <summary>
    /// The first <c>--verify</c> residents (same source, read again) decided by the compiled rule
    /// and by the evaluator over JSON facts: outcome, amount and flags must agree.
    /// </summary>
    private static int Verify(EvaluateBatchOptions options, List<Chunk> kept, CompiledRule compiled, EligibilityEvaluator evaluator, Scenario scenario, FactLayout layout)
    {
        var facts = new ResidentFacts(scenario);
        var row = new ResidentRowFacts(layout, scenario, compiled);
        var checkedCount = 0;
        foreach (var chunk in kept)
        {
            for (var i = 0; i < chunk.Count && checkedCount < options.Verify; i++, checkedCount++)
            {
                var expected = evaluator.Evaluate(facts.Request(chunk.Rows[i])).Decisions[0];
                var actual = compiled.Evaluate(row.Fill(chunk.Rows[i]), scenario.Date);
                if (expected.Outcome != actual.Outcome || expected.Amount != actual.Amount || !expected.Flags.SequenceEqual(actual.FlagNames()))
                {
                    Console.Error.WriteLine($"Resident {chunk.Rows[i].Id}: evaluator {expected.Outcome} {expected.Amount} [{string.Join(",", expected.Flags)}], compiled {actual.Outcome} {actual.Amount} [{string.Join(",", actual.FlagNames())}].");
                    return 1;
                }
            }
        }

        Console.WriteLine($"Verified: the first {checkedCount:N0} residents decided by the evaluator (JSON facts) and by the compiled rule: same outcome, amount and flags.");
        return 0;
    }

    private static void EvaluateCompiled(CompiledRule compiled, Scenario scenario, FactLayout layout, BlockingCollection<Chunk> queue, Tally tally,
        ConcurrentDictionary<Outcome, RuleDecision> samples, EligibilityEvaluator evaluator)
    {
        var row = new ResidentRowFacts(layout, scenario, compiled);
        var date = scenario.Date;
        foreach (var chunk in queue.GetConsumingEnumerable())
        {
            var rows = chunk.Rows;
            for (var i = 0; i < chunk.Count; i++)
            {
                var decision = compiled.Evaluate(row.Fill(rows[i]), date);
                tally.Outcomes[(int)decision.Outcome]++;
                if (decision.Amount is { } amount)
                {
                    tally.Amount += amount;
                    tally.WithAmount++;
                }

                for (var flags = (uint)decision.Flags; flags != 0; flags &= flags - 1)
                {
                    tally.FlagBits[System.Numerics.BitOperations.TrailingZeroCount(flags)]++;
                }

                if (!samples.ContainsKey(decision.Outcome))
                {
                    // The sample's reasons: the same resident through the evaluator, with the trace.
                    samples.TryAdd(decision.Outcome, evaluator.Evaluate(new ResidentFacts(scenario with { Trace = true }).Request(rows[i])).Decisions[0]);
                }
            }

            tally.Residents += chunk.Count;
        }
    }

    private static void EvaluateJson(EligibilityEvaluator evaluator, Scenario scenario, BlockingCollection<Chunk> queue, Tally tally,
        ConcurrentDictionary<Outcome, RuleDecision> samples)
    {
        var facts = new ResidentFacts(scenario);
        foreach (var chunk in queue.GetConsumingEnumerable())
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var decision = evaluator.Evaluate(facts.Request(chunk.Rows[i])).Decisions[0];
                tally.Outcomes[(int)decision.Outcome]++;
                if (decision.Amount is { } amount)
                {
                    tally.Amount += amount;
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
    }

    /// <summary>
    /// N residents made in memory (no database): birth dates spread over 1966-2008 as
    /// <c>generate</c> makes them (not the same people), alternating sex, deterministic.
    /// </summary>
    private static long SyntheticResidents(int count, ChunkSink queue)
    {
        var random = new Random(1);
        var first = new DateOnly(1966, 1, 1).DayNumber;
        var days = new DateOnly(2008, 12, 31).DayNumber - first + 1;
        var rows = new ResidentRow[ChunkSize];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            rows[n++] = new ResidentRow(new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), DateOnly.FromDayNumber(first + random.Next(days)), i % 2 == 0);
            if (n == ChunkSize)
            {
                queue.Add(new Chunk(rows, n));
                rows = new ResidentRow[ChunkSize];
                n = 0;
            }
        }

        if (n > 0)
        {
            queue.Add(new Chunk(rows, n));
        }

        return count;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static long CopyBirthDates(string connectionString, ChunkSink queue)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var export = connection.BeginBinaryExport("""COPY (SELECT "BirthDate" FROM "Residents") TO STDOUT (FORMAT BINARY)""");
        long count = 0;
        var rows = new ResidentRow[ChunkSize];
        var n = 0;
        while (export.StartRow() != -1)
        {
            rows[n++] = new ResidentRow(Guid.Empty, export.Read<DateOnly>(), false);
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

    private static long CopyResidents(string connectionString, ChunkSink queue)
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

    private static long ReadResidents(string connectionString, ChunkSink queue)
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

    /// <summary>
    /// The same facts as <see cref="ResidentFacts"/> in a typed <see cref="FactRow"/> (the batch
    /// path): the scenario's slots are set once, the resident's are overwritten for each resident.
    /// person.id is filled only when the rule reads it (a once-only rule), as it costs a string a resident.
    /// </summary>
    private sealed class ResidentRowFacts
    {
        public static readonly string[] Names =
        [
            "person.id", "person.birthDate", "person.sex", "person.age", "person.registeredUnemployed",
            "person.registeredUnemployedSince", "person.unemployed", "hire.date", "hire.contractMonths",
            "hire.socialInsurancePaid", "training.startDate", "enterprise.id",
        ];

        private readonly FactRow _row;
        private readonly DateOnly _date;
        private readonly bool _id;

        public ResidentRowFacts(FactLayout layout, Scenario scenario, CompiledRule rule)
        {
            _row = new FactRow(layout);
            _date = scenario.Date;
            _id = rule.FactsRead.Contains("person.id");
            _row.Set(4, true);
            _row.Set(5, scenario.UnemployedSince);
            _row.Set(6, true);
            _row.Set(7, scenario.Date);
            _row.Set(8, 12m);
            _row.Set(9, true);
            _row.Set(10, scenario.Date);
            _row.Set(11, "bench-enterprise");
        }

        public FactRow Fill(ResidentRow resident)
        {
            if (_id)
            {
                _row.Set(0, resident.Id.ToString());
            }

            _row.Set(1, resident.BirthDate);
            _row.Set(2, resident.Male ? "male" : "female");
            _row.Set(3, (decimal)PolicyDates.AgeOn(resident.BirthDate, _date));
            return _row;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
