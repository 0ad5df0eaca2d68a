namespace PerijinanBot.Export;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await ExportTool.RunAsync(args, Console.Out, Console.Error, stop.Token);
    }
}
