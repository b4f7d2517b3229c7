using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using CreditSite.CreditRepair;

// The one public type here: xUnit hands it to public test classes as a fixture. Test code is never used from Visual Basic.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:CreditSite.Tests.Shared")]

namespace CreditSite.Tests.Shared;

/// <summary>A real clamd (Debian clamav-daemon, installed by scripts/test.sh) on a Unix socket in a temporary folder,
/// with a test-only signature database holding just the EICAR test string (signatures cannot be downloaded here).
/// Shared by the Core tests (the scanner, the desk) and the web tests (uploads through the site).</summary>
public sealed class ClamdServer : IAsyncLifetime
{
    /// <summary>The EICAR anti-virus test file (68 bytes), harmless by design.</summary>
    public static readonly byte[] Eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"u8.ToArray();

    private static readonly string[] ClamdPaths = ["/usr/sbin/clamd", "/usr/bin/clamd"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditsite-clamd-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public ClamAvScanner Scanner => new(new ClamAvOptions { SocketPath = SocketPath });

    public string SocketPath => Path.Combine(_folder, "clamd.sock");

    public async Task InitializeAsync()
    {
        var clamd = ClamdPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("clamd is not installed: run `bash scripts/test.sh`, which installs clamav-daemon.");
        var database = Path.Combine(_folder, "db");
        Directory.CreateDirectory(database);
        // .ndb: name, target type (0: any file), offset (*: anywhere), the EICAR string in hex — so it is found inside a
        // file that starts like a PDF too, as an infected attachment would.
        await File.WriteAllTextAsync(Path.Combine(database, "creditsite-test.ndb"), $"Eicar-Test-Signature:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        var config = Path.Combine(_folder, "clamd.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"LocalSocket {SocketPath}",
            $"DatabaseDirectory {database}",
            $"LogFile {Path.Combine(_folder, "clamd.log")}",
            "Foreground yes",
            "StreamMaxLength 12M",
        ]);
        _process = Process.Start(new ProcessStartInfo(clamd, ["--config-file=" + config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Ready when it answers PING; a clamd that exits (bad config, no database) fails at once with its log.
        for (var attempt = 0; !await Scanner.PingAsync(); attempt++)
        {
            if (_process.HasExited || attempt > 1200)
            {
                var log = Path.Combine(_folder, "clamd.log");
                throw new InvalidOperationException("clamd did not start: " + (File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log"));
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
