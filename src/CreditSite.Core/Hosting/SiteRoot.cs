namespace CreditSite.Hosting;

/// <summary>Finds the folder that holds the top-level <c>wwwroot/</c> and <c>content/</c>: the repository root when
/// started with <c>dotnet run</c> or from a test host, the publish folder for a published build. Walking up from both
/// the working directory and the binaries' folder makes all three work the same way.</summary>
public static class SiteRoot
{
    public static string Find(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "wwwroot")) && Directory.Exists(Path.Combine(dir.FullName, "content")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "找不到站点根目录：需要同时包含 wwwroot/ 与 content/ 的文件夹（可用环境变量 Site__RootPath 指定）。");
    }
}
