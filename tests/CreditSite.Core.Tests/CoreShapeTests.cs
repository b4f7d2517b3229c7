using System.Text.RegularExpressions;
using CreditSite.Hosting;

namespace CreditSite.Core.Tests;

/// <summary>The rules docs/architecture.md states for Core, checked so that they stay true as features land.</summary>
public sealed partial class CoreShapeTests
{
    private static readonly string CoreFolder = Path.Combine(SiteRoot.Find(), "src", "CreditSite.Core");

    [Fact]
    public void CoreReferencesNoAspNetCoreAssembly()
    {
        var references = typeof(SiteRoot).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void CoreFoldersDependOnEachOtherWithoutACircle()
    {
        var graph = FolderDependencies();
        Assert.Contains("Indexing", graph.Keys);

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Core folders form a circle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void TheCycleFinderSeesACircle()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Storage"] = ["Import"],
            ["Import"] = ["Storage"],
        };

        Assert.Equal(["Import", "Storage", "Import"], FindCycle(graph));
    }

    /// <summary>Top-level folder → the other top-level folders its files name in a <c>using CreditSite.X</c>.</summary>
    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        var folders = Directory.GetDirectories(CoreFolder).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToHashSet();
        var graph = folders.ToDictionary(f => f!, _ => new HashSet<string>());
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CoreFolder, folder!), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in UsingCreditSite().Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        graph[folder!].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^using CreditSite\.([A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex UsingCreditSite();
}
