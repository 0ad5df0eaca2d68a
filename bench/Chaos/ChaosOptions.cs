using System.Globalization;

namespace PerijinanBot.Bench.Chaos;

/// <summary>
/// One chaos run: <see cref="Callers"/> callers loop decisions for <see cref="Load"/> while the bot is killed (SIGKILL)
/// <see cref="Kills"/> times and Azurite restarted <see cref="AzuriteRestarts"/> times, spread over the load.
/// <see cref="Think"/> is a pause between a caller's card arriving and its click: it keeps the outbox's backlog (which
/// today drains far slower than the callers click, issue 17) small enough for the drain to fit a test's time.
/// </summary>
internal sealed record ChaosOptions(int Callers, TimeSpan Load, int Kills, int AzuriteRestarts, TimeSpan Think, TimeSpan CardTimeout, TimeSpan DrainTimeout)
{
    /// <summary>The test's run (./test.sh): short, 16 callers, 3 kills and one Azurite restart.</summary>
    public static ChaosOptions Test => new(16, TimeSpan.FromSeconds(40), 3, 1, TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

    /// <summary>The bench's defaults: longer, more kills.</summary>
    public static ChaosOptions Bench => new(16, TimeSpan.FromSeconds(120), 8, 1, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(600));

    public static ChaosOptions Parse(string[] args)
    {
        var options = Bench;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Load = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--kills" => options with { Kills = int.Parse(value, CultureInfo.InvariantCulture) },
                "--callers" => options with { Callers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--think-ms" => options with { Think = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--azurite-restarts" => options with { AzuriteRestarts = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --seconds 120 --kills 8 --callers 16 --think-ms 250 --azurite-restarts 1"),
            };
            i++;
        }

        return options.Callers >= 1 && options.Kills >= 0 && options.AzuriteRestarts >= 0
            ? options
            : throw new ArgumentException("--callers must be 1 or more, --kills and --azurite-restarts 0 or more");
    }
}
