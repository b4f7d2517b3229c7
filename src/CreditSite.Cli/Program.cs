namespace CreditSite.Cli;

/// <summary>creditsite: the command-line tool for import, re-index, demo data and report jobs.
/// Exit codes: 0 success, 1 rejected input, 2 usage error.</summary>
public static class CliProgram
{
    public static int Main(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("用法: creditsite <import|reindex|demo-data> [选项]");
        return 2;
    }
}
