using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.ApiDocs;

/// <summary><c>/api</c> shows a developer everything the document holds: each parameter's description, allowed
/// values, limits and example; the request example; every answer with its Chinese title and example; each field.</summary>
[Collection(SharedSites.Plain)]
public sealed class ReferencePageTests(SiteFactory site)
{
    [Fact]
    public async Task ThePageShowsEveryParameterWithItsDescriptionAllowedValuesAndExample()
    {
        var client = site.CreateClient();
        var document = await ApiDocument.FetchAsync(client);
        var (status, page) = await client.GetPageAsync("/api");
        var html = WebUtility.HtmlDecode(page);

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var (_, _, operation) in document.Operations)
        {
            foreach (var parameter in ApiDocument.Parameters(operation))
            {
                Assert.Contains((string)parameter["description"]!, html, StringComparison.Ordinal);
                var schema = parameter["schema"]!;
                var codes = ((string?)schema["type"] == "array" ? schema["items"]! : schema)["enum"]?.AsArray() ?? [];
                Assert.All(codes, code => Assert.Contains($"<code>{code}</code>", html, StringComparison.Ordinal));
            }

            Assert.Contains((string)operation["x-codeSamples"]![0]!["source"]!, html, StringComparison.Ordinal);
        }

        Assert.Contains("1 到 500；默认 1", html, StringComparison.Ordinal); // page: range and default
        Assert.Contains("至多 100 个字符", html, StringComparison.Ordinal); // q
        Assert.Contains("日期（yyyy-MM-dd）", html, StringComparison.Ordinal); // from, to
    }

    [Fact]
    public async Task ThePageShowsEachAnswerWithItsTitleExampleAndFields()
    {
        var (_, page) = await site.CreateClient().GetPageAsync("/api");
        var html = WebUtility.HtmlDecode(page);

        foreach (var title in new[] { "请求参数有误", "未找到", "请求过于频繁", "服务暂时不可用" })
        {
            Assert.Contains($"<td>{title}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("\"queryKind\": \"text\"", html, StringComparison.Ordinal); // the search answer example
        Assert.Contains("\"codes\": [", html, StringComparison.Ordinal); // the status request example
        Assert.Contains("<h3>字段：HitAnswer</h3>", html, StringComparison.Ordinal);
        Assert.Contains("身份证号码的掩码形式", html, StringComparison.Ordinal); // a field's description
        Assert.DoesNotContain("Bad Request", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">OK<", html, StringComparison.Ordinal);
    }
}
