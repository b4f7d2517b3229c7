using System.Diagnostics;
using System.Globalization;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The runner behind the CLI and PDF tool tests leaves nothing running when a program hangs.</summary>
public sealed class ExternalProcessTests : IDisposable
{
    private readonly string _pidFile = Path.Combine(Path.GetTempPath(), "creditsite-pid-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_pidFile);

    [Fact]
    public async Task CancellingAHungProgramKillsItAndEverythingItStarted()
    {
        // sh starts a long sleep in the background and waits for it: a process tree that never ends by itself.
        var start = new ProcessStartInfo("sh") { ArgumentList = { "-c", $"sleep 600 & echo $! > '{_pidFile}'; wait" } };
        using var cancel = new CancellationTokenSource();

        var run = ExternalProcess.RunAsync(start, cancellationToken: cancel.Token);
        await Eventually.UntilAsync(() => File.Exists(_pidFile) && File.ReadAllText(_pidFile).Trim().Length > 0, "the program never started its child");
        var child = int.Parse(File.ReadAllText(_pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(IsRunning(child));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Eventually.Patience));
        await Eventually.UntilAsync(() => !IsRunning(child), "the program's child still runs after the program was cancelled");
    }

    [Fact]
    public async Task AProgramThatOutlivesItsTimeLimitIsKilledAndReportedAsATimeout()
    {
        var start = new ProcessStartInfo("sleep") { ArgumentList = { "600" } };

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => ExternalProcess.RunAsync(start, TimeSpan.FromMilliseconds(200)).WaitAsync(Eventually.Patience));

        Assert.Contains("sleep 600", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Alive, and not a zombie waiting for a parent (here possibly a PID 1 that never reaps) to collect it.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false; // gone between the check and the read
        }
    }
}
