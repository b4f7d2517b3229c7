using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>/q/{uscc}</c>: the stable link platforms print next to a merchant.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class PermalinkTests(SeededPlatformSite site)
{
    private HttpClient Client => site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ValidCodeRedirectsToTheSubjectPage()
    {
        using var response = await Client.GetAsync(new Uri($"/q/{SeededPlatformSite.BlackCode}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/subjects/{SeededPlatformSite.BlackCode}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CodeTypedInLowerCaseWithSpacesIsNormalisedBeforeRedirecting()
    {
        var sloppy = " " + SeededPlatformSite.BlackCode.ToLowerInvariant() + " ";
        using var response = await Client.GetAsync(new Uri($"/q/{Uri.EscapeDataString(sloppy)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/subjects/{SeededPlatformSite.BlackCode}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task RedirectLandsOnAPageNamingTheSubject()
    {
        var html = await site.CreateClient().GetHtmlAsync($"/q/{SeededPlatformSite.BlackCode}");

        Assert.Contains(SeededPlatformSite.BlackName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCheckCharacterGetsTheCheckMessageAndBadRequest()
    {
        var code = SeededPlatformSite.BlackCode;
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        using var response = await Client.GetAsync(new Uri($"/q/{wrong}", UriKind.Relative));
        var html = await response.Content.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"第18位应为“{code[17]}”", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "应为18位")]
    [InlineData("91320402MA1R0001ZZ", "不在统一社会信用代码的字符集中")]
    public async Task MalformedCodeGetsAMessageSayingWhichRuleFailed(string code, string message)
    {
        using var response = await Client.GetAsync(new Uri($"/q/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadHtmlAsync(), StringComparison.Ordinal);
    }
}
