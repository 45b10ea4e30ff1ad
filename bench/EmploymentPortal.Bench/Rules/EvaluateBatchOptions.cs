using System.Globalization;

namespace EmploymentPortal.Bench.Rules;

/// <summary>The arguments of the <c>evaluate-batch</c> command.</summary>
public sealed record EvaluateBatchOptions(
    string ConnectionString,
    string RuleId,
    DateOnly Date,
    int Workers,
    string? LocalParameters,
    string? PolicyTexts,
    bool Trace = false,
    bool Phases = false,
    bool Copy = true,
    bool Compiled = true,
    int? Synthetic = null,
    int Verify = 20_000,
    bool AllColumns = false)
{
    public const string DefaultRule = "nanhe-2020-1.labour-preparatory-training";

    public const string Usage = """
        evaluate-batch --connection "<npgsql connection string>" | --synthetic N
                       [--rule <rule id>] [--date yyyy-MM-dd]
                       [--workers N] [--local-parameters <yaml>] [--policy-texts <dir>]
                       [--path compiled|evaluator] [--trace on|off] [--mode pipeline|phases]
                       [--read copy|reader] [--verify N] [--columns rule|all]

        Reads every resident (Id, BirthDate, Sex; no names, ID numbers or phones) from the
        Residents table of a PostgreSQL database (binary COPY or a data reader) and evaluates ONE
        rule for each, on all cores. Prints rows, the read and evaluation times, residents/s,
        the outcome counts, the flags and the sum of amounts.

        Each worker keeps one facts object and updates the resident's values in it (birthDate
        as a DateOnly value, not a string). --mode pipeline (default): one thread reads chunks
        of 16,384 rows while the workers evaluate the chunks already read, so the wall time is
        about max(read, evaluate). --mode phases: everything is read first, then evaluated, to
        time the two apart. --trace off (default) evaluates with IncludeTrace = false (same
        outcomes, amounts, flags and missing facts; no reasons, details or trace); --trace on
        builds the full decision with its trace for every resident.

        --read copy (default): the rows come through a binary COPY ... TO STDOUT; --read reader:
        through a SELECT with a data reader.

        --path compiled (default): the batch path, CompiledRule over a typed FactRow per worker
        (outcome, amount and flags; no JSON, no trace, nothing allocated per resident);
        --path evaluator: EligibilityEvaluator.Evaluate with a JSON facts object per worker
        (--trace applies to this path only). With --path compiled, the first --verify residents
        (default 20,000; 0 = none) are decided once more by the evaluator after the timed run
        and the command fails on any difference.

        --columns rule (default): with --path compiled and --read copy, only the columns of the
        facts the compiled rule reads are copied (BirthDate alone for the default rule; Id and Sex
        stay empty, which no decision of that rule depends on); --columns all: Id, BirthDate, Sex.

        --synthetic N: no database; N residents (birth dates 1966-2008, as generate makes them)
        are made in memory by the reader thread, to measure the evaluation alone on any machine.
        Figures printed: wall and CPU time, bytes allocated a decision (the workers' own
        allocations, GC.GetAllocatedBytesForCurrentThread), GC counts, /proc/loadavg before and after.

        Facts per resident (the fixed scenario: every resident is an unemployed person who is
        hired, and starts a training course, on --date):
          person.id                        the resident's Id
          person.birthDate, person.sex     from the table (sex: male | female)
          person.age                       completed years on --date (informational: rules
                                           compute ages from birthDate themselves)
          person.registeredUnemployed      true
          person.registeredUnemployedSince --date minus 8 months
          person.unemployed                true
          hire.date                        --date
          hire.contractMonths              12
          hire.socialInsurancePaid         true
          training.startDate               --date
          enterprise.id                    "bench-enterprise"

        --rule              default nanhe-2020-1.labour-preparatory-training (劳动预备制培训:
                            20岁以下 on training.startDate, 登记失业人员); e.g.
                            nanhe-2020-1.absorption-long-term-unemployed (每人1000元)
        --date              evaluation date, default 2020-09-01 (inside the 2020 periods)
        --workers           evaluation threads, default the number of cores
        --local-parameters  a LocalParameterOverlay YAML (e.g.
                            tests/EmploymentPortal.Policies.Tests/local-parameters.yaml) so that
                            rules whose figure the document leaves to the bureau get an amount
        --policy-texts      the shared/policies directory (default: PORTAL_POLICY_TEXTS, else
                            found by walking up)
        """;

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static EvaluateBatchOptions Parse(IReadOnlyList<string> args)
    {
        string? connection = null;
        var rule = DefaultRule;
        var date = new DateOnly(2020, 9, 1);
        var workers = Environment.ProcessorCount;
        string? local = null;
        string? texts = Environment.GetEnvironmentVariable("PORTAL_POLICY_TEXTS");
        var trace = false;
        var phases = false;
        var copy = true;
        var compiled = true;
        int? synthetic = null;
        var verify = 20_000;
        var allColumns = false;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--connection":
                    connection = value;
                    break;
                case "--rule":
                    rule = value;
                    break;
                case "--date":
                    date = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new ArgumentException($"--date must be yyyy-MM-dd, not '{value}'.");
                    break;
                case "--workers":
                    workers = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w >= 1
                        ? w
                        : throw new ArgumentException($"--workers must be a whole number ≥ 1, not '{value}'.");
                    break;
                case "--local-parameters":
                    local = value;
                    break;
                case "--policy-texts":
                    texts = value;
                    break;
                case "--trace":
                    trace = value switch
                    {
                        "on" => true,
                        "off" => false,
                        _ => throw new ArgumentException($"--trace must be on or off, not '{value}'."),
                    };
                    break;
                case "--mode":
                    phases = value switch
                    {
                        "phases" => true,
                        "pipeline" => false,
                        _ => throw new ArgumentException($"--mode must be pipeline or phases, not '{value}'."),
                    };
                    break;
                case "--read":
                    copy = value switch
                    {
                        "copy" => true,
                        "reader" => false,
                        _ => throw new ArgumentException($"--read must be copy or reader, not '{value}'."),
                    };
                    break;
                case "--path":
                    compiled = value switch
                    {
                        "compiled" => true,
                        "evaluator" => false,
                        _ => throw new ArgumentException($"--path must be compiled or evaluator, not '{value}'."),
                    };
                    break;
                case "--synthetic":
                    synthetic = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                        ? n
                        : throw new ArgumentException($"--synthetic must be a whole number ≥ 1, not '{value}'.");
                    break;
                case "--columns":
                    allColumns = value switch
                    {
                        "rule" => false,
                        "all" => true,
                        _ => throw new ArgumentException($"--columns must be rule or all, not '{value}'."),
                    };
                    break;
                case "--verify":
                    verify = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                        ? v
                        : throw new ArgumentException($"--verify must be a whole number ≥ 0, not '{value}'.");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(connection) && synthetic is null)
        {
            throw new ArgumentException("--connection (or --synthetic N) is required.");
        }

        return new EvaluateBatchOptions(connection ?? "", rule, date, workers, local, texts, trace, phases, copy, compiled, synthetic, verify, allColumns);
    }
}
