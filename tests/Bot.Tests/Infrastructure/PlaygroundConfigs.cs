using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>Playground configs written by the same generator ./run.sh uses, from the bot's Development directory.</summary>
public static class PlaygroundConfigs
{
    /// <param name="role">KetuaTimKerja, AnggotaTimKerja, KepalaBidang or KepalaDinas.</param>
    public static async Task<string> ForRoleAsync(string role, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("pg-config-").FullName;
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { RepoRoot.Combine("tools", "dev", "playground-config.mjs"), "--out", dir, "--only", role })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var line = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(await process.StandardError.ReadToEndAsync(cancellationToken));
            }

            var folder = (string)JsonNode.Parse(line)!["dir"]!;
            return await File.ReadAllTextAsync(Path.Combine(folder, ".m365agentsplayground.yml"), cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
