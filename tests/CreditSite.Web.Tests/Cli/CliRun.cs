using System.Diagnostics;
using System.Text;

namespace CreditSite.Web.Tests.Cli;

/// <summary>Runs the built <c>creditsite.dll</c> as a real process with <c>dotnet</c>, configured like a deployment:
/// environment <c>Testing</c> (the site's appsettings.Testing.json), its own data folder.</summary>
internal sealed class CliRun : IDisposable
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

    /// <summary>More environment variables for every run (e.g. <c>Content__Path</c>).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Runs the CLI with <paramref name="args"/>. A run that hangs is killed with its whole process tree after
    /// a generous limit (see <see cref="ExternalProcess"/>), so a broken command fails its test instead of outliving it.</summary>
    public async Task<ExternalProcess.Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DataPath };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "creditsite.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["Storage__DataPath"] = DataPath;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return await ExternalProcess.RunAsync(start);
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
