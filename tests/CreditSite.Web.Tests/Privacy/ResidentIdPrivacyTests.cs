using System.Text;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Privacy;

/// <summary>Persons imported with their ID numbers: no full number in any public page, API answer, index file or
/// database file; the masked form shows where the person is shown.</summary>
public sealed partial class ResidentIdPrivacyTests(ExampleEntriesSiteFactory site) : IClassFixture<ExampleEntriesSiteFactory>
{
    // Both persons of docs/examples/list-entries.csv.
    private static readonly string[] FullNumbers = ["320402198001010012", "32048119750615002X"];

    [Fact]
    public async Task NoFullIdNumberInPagesOrApiAnswersAndTheMaskedFormShows()
    {
        await site.SeedAsync();
        var client = site.CreateClient();
        var pages = new List<string>
        {
            "/search?q=王伟", "/search?q=320402198001010012", "/search?q=32048119750615002x", "/lists/black", "/lists/red",
            "/api/v1/search?q=王伟", "/api/v1/search?q=320402198001010012", "/api/v1/search?q=陈秀英", "/api/v1/search?kind=black",
            "/search?q=320402198001010013",
        };

        var answers = new StringBuilder();
        foreach (var page in pages)
        {
            answers.AppendLine(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        }

        // Follow every subject link found, persons' pages included.
        foreach (var subject in SubjectLink().Matches(answers.ToString()).Select(m => m.Value).Distinct().ToList())
        {
            answers.AppendLine(await client.GetStringAsync(new Uri(subject, UriKind.Relative)));
        }

        var all = answers.ToString();
        foreach (var number in FullNumbers)
        {
            Assert.DoesNotContain(number, all, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("320402********0012", all, StringComparison.Ordinal);
        Assert.Contains("王伟", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdNumberQueryFindsThePersonThroughTheKeyedHash()
    {
        await site.SeedAsync();

        var html = await site.CreateClient().GetStringAsync(new Uri("/search?q=320402198001010012", UriKind.Relative));

        Assert.Contains("王伟", html, StringComparison.Ordinal);
        Assert.DoesNotContain("陈秀英", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFullIdNumberInTheIndexOrTheDatabaseFiles()
    {
        await site.SeedAsync();
        var files = Directory.EnumerateFiles(site.DataPath, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}index{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }

            foreach (var number in FullNumbers)
            {
                foreach (var encoded in new[] { Encoding.ASCII.GetBytes(number), Encoding.Unicode.GetBytes(number), Encoding.ASCII.GetBytes(number.ToLowerInvariant()) })
                {
                    Assert.True(bytes.AsSpan().IndexOf(encoded) < 0, $"{Path.GetFileName(file)} holds a full ID number.");
                }
            }
        }
    }

    [GeneratedRegex("/subjects/[0-9A-Za-z]+")]
    private static partial Regex SubjectLink();
}
