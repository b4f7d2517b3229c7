namespace CreditSite.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, problems to <see cref="Error"/>. The process's own
/// streams when run from a shell; string writers when a test runs the CLI in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole Standard => new(Console.Out, Console.Error);
}

/// <summary>A usage mistake found while running: file not found, configuration that does not validate. Exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException() { }

    public CliUsageException(string message) : base(message) { }

    public CliUsageException(string message, Exception innerException) : base(message, innerException) { }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int Failed = 3;
}
