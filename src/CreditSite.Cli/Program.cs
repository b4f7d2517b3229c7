using CreditSite.Hosting;
using Microsoft.Extensions.Configuration;

namespace CreditSite.Cli;

/// <summary>creditsite: the command-line tool for import, re-index, demo data and report jobs.
/// Exit codes: 0 success, 1 rejected input, 2 usage error.</summary>
public static class CliProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "api-key")
        {
            var root = SiteRoot.Find(Environment.GetEnvironmentVariable("Site__RootPath"));
            var storage = new ConfigurationBuilder().AddEnvironmentVariables().Build()
                .GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            return ApiKeyCommands.RunAsync(args[1..], storage, root, Console.Out, Console.Error).GetAwaiter().GetResult();
        }

        Console.Error.WriteLine("用法: creditsite <import|reindex|demo-data|api-key> [选项]");
        return 2;
    }
}
