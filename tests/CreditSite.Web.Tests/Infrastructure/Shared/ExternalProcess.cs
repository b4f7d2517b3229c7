using System.Diagnostics;
using System.Text;

namespace CreditSite.Tests.Shared;

/// <summary>Runs a command-line program for a test and collects what it wrote. A program that hangs is killed, with
/// everything it started, when the time limit runs out or the caller cancels: a test must never leave processes behind
/// that hold files, ports or the test host's output pipes.</summary>
internal static class ExternalProcess
{
    /// <summary>Generous: only a hung program reaches it.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding ??= Encoding.UTF8;
        start.StandardErrorEncoding ??= Encoding.UTF8;
        var limit = timeLimit ?? DefaultTimeLimit;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limit);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(stop.Token);
            var error = process.StandardError.ReadToEndAsync(stop.Token);
            await process.WaitForExitAsync(stop.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Describe(start)} did not finish within {limit.TotalSeconds} s and was killed.", e);
        }
        finally
        {
            KillTree(process);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static string Describe(ProcessStartInfo start) => string.Join(' ', [start.FileName, .. start.ArgumentList]);
}
