using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreditSite.Web.Tests.CareMode;

/// <summary>The 关怀版 switch over HTTP: a cookie for a year, back to the page it came from, never to another site.</summary>
[Collection(SharedSites.Plain)]
public sealed class CareModeSwitchTests(SiteFactory site)
{
    [Fact]
    public async Task TurningItOnSetsARememberedCookieAndReturnsToThePage()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/care-mode?on=true&return=%2Fpolicies%3Fpage%3D1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/policies?page=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("care_mode=on;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryPageFollowsTheCookieAndOffersTheWayBack()
    {
        var client = site.CreateClient();
        var standard = await client.GetStringAsync(new Uri("/policies", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/policies", UriKind.Relative));
        request.Headers.Add("Cookie", "care_mode=on");
        var care = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", standard, StringComparison.Ordinal);
        Assert.Contains("href=\"/care-mode?on=true&amp;return=%2Fpolicies\">关怀版</a>", standard, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\" class=\"care\">", care, StringComparison.Ordinal);
        Assert.Contains("href=\"/care-mode?on=false&amp;return=%2Fpolicies\">标准版</a>", care, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWayBackCarriesThePathButNeverTheQuery()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/policies?department=%E5%B8%82%E4%BF%A1%E7%94%A8%E5%8A%9E", UriKind.Relative));

        Assert.Contains("href=\"/care-mode?on=true&amp;return=%2Fpolicies\">关怀版</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2Fpolicies%0D%0ASet-Cookie%3A%20x%3D1")]
    [InlineData("")]
    public async Task AReturnAddressOffTheSiteGoesHome(string target)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/care-mode?on=false&return=" + target, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
