using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>POST /api/v1/status</c>: batch screening of up to 100 codes, with per-code errors.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class StatusApiTests(SeededPlatformSite site)
{
    private static readonly Uri Status = new("/api/v1/status", UriKind.Relative);

    [Fact]
    public async Task AnswersEachCodeWithItsStandingInTheOrderSent()
    {
        var wrong = SeededPlatformSite.RedCode[..17] + (SeededPlatformSite.RedCode[17] == '0' ? '1' : '0');
        using var response = await site.CreateClient().PostAsJsonAsync(Status, new
        {
            codes = new[]
            {
                SeededPlatformSite.RedCode, SeededPlatformSite.BlackCode.ToLowerInvariant(), wrong,
                SeededPlatformSite.UnknownCode, SeededPlatformSite.HonouredCode, SeededPlatformSite.ExitedCode, "12345",
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2025-06-01", json.RootElement.GetProperty("checkedOn").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(7, results.Count);

        AssertResult(results[0], SeededPlatformSite.RedCode, "red", 1, 0, $"{PlatformSite.PublicBaseUrl}/subjects/{SeededPlatformSite.RedCode}");
        AssertResult(results[1], SeededPlatformSite.BlackCode, "black", 0, 2, $"{PlatformSite.PublicBaseUrl}/subjects/{SeededPlatformSite.BlackCode}");
        Assert.False(results[2].GetProperty("valid").GetBoolean());
        Assert.Equal(wrong, results[2].GetProperty("code").GetString());
        Assert.Equal("unknown", results[2].GetProperty("status").GetString());
        Assert.Contains($"第18位应为“{SeededPlatformSite.RedCode[17]}”", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertResult(results[3], SeededPlatformSite.UnknownCode, "unknown", 0, 0, null);
        AssertResult(results[4], SeededPlatformSite.HonouredCode, "clean", 0, 0, $"{PlatformSite.PublicBaseUrl}/subjects/{SeededPlatformSite.HonouredCode}");
        AssertResult(results[5], SeededPlatformSite.ExitedCode, "unknown", 0, 0, null);
        Assert.False(results[6].GetProperty("valid").GetBoolean());
        Assert.Contains("应为18位", results[6].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsOneHundredCodes()
    {
        var codes = Enumerable.Repeat(SeededPlatformSite.BlackCode, 100).ToArray();
        using var response = await site.CreateClient().PostAsJsonAsync(Status, new { codes });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(100, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task RefusesMoreThanOneHundredCodesWithAChineseProblem()
    {
        var codes = Enumerable.Repeat(SeededPlatformSite.BlackCode, 101).ToArray();
        using var response = await site.CreateClient().PostAsJsonAsync(Status, new { codes });

        var detail = await AssertProblemAsync(response);
        Assert.Contains("至多查询 100 个", detail, StringComparison.Ordinal);
        Assert.Contains("101", detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "application/json", "{\"codes\": [\"91320402", "不是有效的 JSON" },
        { "application/json", "not json at all", "不是有效的 JSON" },
        { "application/json", "{\"codes\": [1, 2, 3]}", "不是字符串数组" },
        { "application/json", "{\"codes\": \"91320402MA1R0001\"}", "不是字符串数组" },
        { "application/json", "{}", "缺少 codes" },
        { "application/json", "null", "缺少 codes" },
        { "application/json", "[]", "不是有效的 JSON" },
        { "application/json", "{\"codes\": []}", "至少要有一个" },
        { "text/plain", "{\"codes\": [\"x\"]}", "Content-Type: application/json" },
        { "application/x-www-form-urlencoded", "codes=x", "Content-Type: application/json" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBodyGetsBadRequestWithAChineseProblemNeverAServerError(string contentType, string body, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await site.CreateClient().PostAsync(Status, content);

        Assert.Contains(message, await AssertProblemAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBodyIsRefused()
    {
        var huge = "{\"codes\": [\"" + new string('9', 100_000) + "\"]}";
        using var content = new StringContent(huge, Encoding.UTF8, "application/json");
        using var response = await site.CreateClient().PostAsync(Status, content);

        Assert.Contains("请求体过大", await AssertProblemAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullAndControlCharacterCodesAreAnsweredOneByOne()
    {
        using var content = new StringContent("{\"codes\": [null, \"\\u0000\\u0007\", \"\"]}", Encoding.UTF8, "application/json");
        using var response = await site.CreateClient().PostAsync(Status, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r =>
        {
            Assert.False(r.GetProperty("valid").GetBoolean());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("error").GetString()));
        });
    }

    private static void AssertResult(JsonElement result, string code, string status, int red, int black, string? subjectUrl)
    {
        Assert.Equal(code, result.GetProperty("code").GetString());
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.False(result.TryGetProperty("error", out _));
        Assert.Equal(status, result.GetProperty("status").GetString());
        Assert.Equal(red, result.GetProperty("redCount").GetInt32());
        Assert.Equal(black, result.GetProperty("blackCount").GetInt32());
        Assert.Equal(subjectUrl, result.GetProperty("subjectUrl").GetString());
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请求参数有误", json.RootElement.GetProperty("title").GetString());
        return json.RootElement.GetProperty("detail").GetString()!;
    }
}
