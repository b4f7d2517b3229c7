using System.Text;

namespace CreditSite.Cli;

/// <summary>creditsite: the command-line tool for import, re-index, demo data and platform API keys.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await CreditSiteCli.RunAsync(args, CliConsole.Standard, settings: null, cancellation.Token);
    }
}
