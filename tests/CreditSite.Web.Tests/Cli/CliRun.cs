using System.Diagnostics;
using System.Text;

namespace CreditSite.Web.Tests.Cli;

/// <summary>Runs the built <c>creditsite.dll</c> as a real process with <c>dotnet</c>, configured like a deployment:
/// environment <c>Testing</c> (the site's appsettings.Testing.json), its own data folder.</summary>
public sealed class CliRun : IDisposable
{
    private readonly bool _ownsDataPath;

    /// <summary>With <paramref name="dataPath"/>, the CLI shares that data folder (a running test site's); otherwise it
    /// gets a temporary one of its own, removed afterwards.</summary>
    public CliRun(string? dataPath = null)
    {
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "creditsite-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = DataPath,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "creditsite.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["Storage__DataPath"] = DataPath;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(DataPath, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        if (!_ownsDataPath)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
