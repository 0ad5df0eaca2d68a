namespace PerijinanBot.Bench.Chaos;

/// <summary><c>dotnet run -c Release --project bench -- chaos [--seconds N --kills K]</c>: a longer chaos run than the test's, printed. See bench/README.md.</summary>
internal static class ChaosBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = ChaosOptions.Parse(args);
        var result = await ChaosRun.RunAsync(options, Console.WriteLine, cancellationToken);
        Console.WriteLine();
        Console.Write(result.Summary());
        Console.WriteLine(result.Problems.Count == 0 ? "chaos checks: all passed" : "chaos checks: FAILED");
        return result.Problems.Count == 0 ? 0 : 1;
    }
}
