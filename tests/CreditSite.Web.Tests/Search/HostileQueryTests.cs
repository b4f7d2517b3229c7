using System.Net;
using System.Text;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Search;

/// <summary>Ten thousand generated hostile queries against the page and the API: nothing answers 5xx.</summary>
public sealed class HostileQueryTests(SearchSiteFactory site) : IClassFixture<SearchSiteFactory>
{
    private const int QueryCount = 10_000;
    private static readonly string[] Paths = ["/search", "/api/v1/search"];

    [Fact]
    public async Task TenThousandHostileQueriesNeverGetA5xx()
    {
        await site.SeedAsync();
        var client = site.CreateClient();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var queries = HostileQueries.Generate(QueryCount, seed: 20261124).ToList();
        Assert.Equal(QueryCount, queries.Count);

        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (query, ct) =>
        {
            foreach (var path in Paths)
            {
                using var response = await client.GetAsync(new Uri(path + query, UriKind.Relative), ct);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {path}{query}");
                }
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} answers were 5xx, e.g. {string.Join(" | ", failures.Take(5))}");
    }

    [Theory]
    [InlineData("?q=%22", HttpStatusCode.OK)]
    [InlineData("?q=*", HttpStatusCode.OK)]
    [InlineData("?q=AND", HttpStatusCode.OK)]
    [InlineData("?q=%5C", HttpStatusCode.OK)]
    [InlineData("?q=(", HttpStatusCode.OK)]
    [InlineData("?q=%FF%FE", HttpStatusCode.OK)]
    [InlineData("?page=0", HttpStatusCode.BadRequest)]
    [InlineData("?from=2024-13-45", HttpStatusCode.BadRequest)]
    [InlineData("?kind=purple", HttpStatusCode.BadRequest)]
    public async Task QuerySyntaxIsJustCharactersAndBadParametersAre400(string query, HttpStatusCode expected)
    {
        await site.SeedAsync();
        using var response = await site.CreateClient().GetAsync(new Uri("/api/v1/search" + query, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>Generates query strings made to break parsers: query-syntax characters, very long strings, full-width
/// text, control characters, broken percent-encoded UTF-8, and out-of-range parameters.</summary>
internal static class HostileQueries
{
    private static readonly string[] Syntax = ["\"", "*", "?", "AND", "OR", "NOT", "\\", "(", ")", "[", "]", "{", "}", ":", "~", "^", "!", "+", "-", "/", "&&", "||", "'", ";", "<script>", "%", "\0"];
    private static readonly string[] Words = ["常州", "诚信", "食品", "有限公司", "恒达", "建材", "天宁", "ＡＢＣ１２３", "９１３２０４", "黑名单", "a", "test"];
    private static readonly string[] BrokenUtf8 = ["%FF", "%C3%28", "%ED%A0%80", "%F0%28%8C%BC", "%E2%82", "%C0%AF", "%00", "%0A", "%1B"];
    private static readonly string[] Params = ["type", "kind", "field", "department", "subject_type", "from", "to", "sort", "page", "page_size"];

    public static IEnumerable<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var q = new StringBuilder();
            var parts = random.Next(1, 8);
            for (var p = 0; p < parts; p++)
            {
                switch (random.Next(6))
                {
                    case 0: q.Append(Uri.EscapeDataString(Syntax[random.Next(Syntax.Length)])); break;
                    case 1: q.Append(Uri.EscapeDataString(Words[random.Next(Words.Length)])); break;
                    case 2: q.Append(BrokenUtf8[random.Next(BrokenUtf8.Length)]); break;
                    case 3: q.Append(Uri.EscapeDataString(new string((char)random.Next(0x01, 0x20), random.Next(1, 4)))); break;
                    case 4: q.Append(Uri.EscapeDataString(new string('字', random.Next(100, 3000)))); break;
                    default: q.Append(Uri.EscapeDataString(((char)random.Next(0x20, 0xFFFF)).ToString())); break;
                }
            }

            var query = "?q=" + q;
            if (random.Next(3) == 0)
            {
                var name = Params[random.Next(Params.Length)];
                var value = random.Next(4) switch
                {
                    0 => random.Next(-5, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    1 => BrokenUtf8[random.Next(BrokenUtf8.Length)],
                    2 => Uri.EscapeDataString(Syntax[random.Next(Syntax.Length)]),
                    _ => Uri.EscapeDataString(Words[random.Next(Words.Length)]),
                };
                query += "&" + name + "=" + value;
            }

            yield return query;
        }
    }
}
