using BenchmarkDotNet.Running;
using EmploymentPortal.Bench;
using EmploymentPortal.Bench.Rules;

// EmploymentPortal.Bench: `generate` loads city-scale data, `evaluate-batch` evaluates a rule for
// every resident, `bench` runs BenchmarkDotNet.
// See docs/benchmarks.md for the commands and the figures measured so far.
switch (args)
{
    case ["generate", .. var rest]:
        GenerateOptions options;
        try
        {
            options = GenerateOptions.Parse(rest);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(GenerateOptions.Usage);
            return 2;
        }

        return await GenerateCommand.RunAsync(options);

    case ["evaluate-batch", .. var rest]:
        EvaluateBatchOptions batch;
        try
        {
            batch = EvaluateBatchOptions.Parse(rest);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(EvaluateBatchOptions.Usage);
            return 2;
        }

        return EvaluateBatchCommand.Run(batch);

    case ["prepare-followups", .. var rest]:
        return await EmploymentPortal.Bench.Api.FollowUpBenchCommands.PrepareAsync(rest);

    case ["api-latency", .. var rest]:
        return await EmploymentPortal.Bench.Api.FollowUpBenchCommands.LatencyAsync(rest);
    case ["claims-queue", .. var rest]:
        return await ClaimQueueCommand.RunAsync(rest.ToArray());
    case ["claims-duplicates", .. var rest]:
        return await EmploymentPortal.Bench.Claims.ClaimDuplicatesCommand.RunAsync(rest);
    case ["circles", .. var rest]:
        return await EmploymentPortal.Bench.Circles.CirclesBenchCommand.RunAsync(rest);
    case ["ledger-import", .. var rest]:
        return await EmploymentPortal.Bench.Ledger.LedgerImportCommand.RunAsync(rest);

    case ["circuits", .. var rest]:
        return await EmploymentPortal.Bench.Circuits.CircuitMemoryCommand.RunAsync(rest);

    case ["board-load", .. var rest]:
        return await EmploymentPortal.Bench.Board.BoardLoadCommand.RunAsync(rest);

    case ["bench", .. var rest]:
        // Everything after `bench` goes to BenchmarkDotNet: --filter, --job short, --list flat, ...
        BenchmarkSwitcher.FromAssembly(typeof(GenerateCommand).Assembly).Run(rest);
        return 0;

    default:
        Console.Error.WriteLine("""
            Usage:
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- generate --provider postgres|sqlite --connection "<cs>"
                  [--residents 1000000] [--enterprises 50000] [--communities 2000] [--seed 1] [--vacancies N]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- evaluate-batch --connection "<npgsql cs>" | --synthetic N
                  [--rule <rule id>] [--date yyyy-MM-dd] [--workers N] [--local-parameters <yaml>] [--path compiled|evaluator] [--trace on|off] [--mode pipeline|phases]   (evaluate-batch --help for the facts)
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- prepare-followups --connection "<npgsql cs>"
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- api-latency --url <portal> --user <name> --password <pw> --path "<api path>" [--connection "<cs>"] [--requests 400]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- claims-duplicates --url <portal> [--user station1] [--password <pw>] [--requests 1000] [--rounds 3] [--connection "<npgsql cs>"]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- circles --connection "<npgsql cs>" [--vacancies 200000] [--queries 300] [--settings default|tuned|both] [--url <portal> --user officer1 --password <pw>]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- ledger-import --provider postgres|sqlite --connection "<cs>" [--rows 100000] [--batch 5000]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- circuits [--circuits 40] [--page /residents/{first}] [--baseline-page /] [--list /residents] [--changes 40] [--user officer1]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- board-load --connection "<npgsql cs>" [--clients 200] [--seconds 20] [--warmup 5] [--residents N --enterprises N --vacancies N]
              dotnet run -c Release --project bench/EmploymentPortal.Bench -- bench [BenchmarkDotNet arguments, e.g. --filter '*' --job short]
            """);
        return 2;
}
