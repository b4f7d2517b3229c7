using CreditSite.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The real site over a temporary copy of the repository's <c>content/</c>, so a test can add or break a
/// file without touching the real one.</summary>
public sealed class ContentSiteFactory : SiteFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditsite-content-" + Guid.NewGuid().ToString("N"));

    public ContentSiteFactory()
    {
        ContentPath = Path.Combine(_folder, "content");
        CopyDirectory(Path.Combine(SiteRoot.Find(), "content"), ContentPath);
    }

    public string ContentPath { get; }

    public ContentSiteFactory WithFile(string relativePath, string text)
    {
        var path = Path.Combine(ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:Path", ContentPath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
