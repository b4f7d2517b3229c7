using System.Net;
using System.Net.Http.Json;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The status API charges one permit per code: a batch cannot buy a hundred lookups for the price of one.</summary>
public sealed class StatusApiChargingTests
{
    private static readonly Uri Status = new("/api/v1/status", UriKind.Relative);

    private sealed class TenPerWindowSite : PlatformSite
    {
        protected override IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["RateLimits:Api:PermitLimit"] = "10",
            ["RateLimits:Api:WindowSeconds"] = "3600",
        };
    }

    private static object Codes(int count) => new { codes = Enumerable.Repeat("91320402MA1MRH4B88", count).ToArray() };

    [Fact]
    public async Task EachCodeInABatchCostsOnePermitFromTheCallersWindow()
    {
        using var site = new TenPerWindowSite();
        var client = site.CreateClient();

        var eight = await client.PostAsJsonAsync(Status, Codes(8));
        var threeMore = await client.PostAsJsonAsync(Status, Codes(3));
        var twoMore = await client.PostAsJsonAsync(Status, Codes(2));

        Assert.Equal(HttpStatusCode.OK, eight.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, threeMore.StatusCode);
        Assert.Contains("剩余额度不足", await threeMore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, twoMore.StatusCode);
    }

    [Fact]
    public async Task ABatchLargerThanTheWholeWindowIsRefusedWithAdviceToSplitIt()
    {
        using var site = new TenPerWindowSite();

        var response = await site.CreateClient().PostAsJsonAsync(Status, Codes(11));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("请分批查询", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
