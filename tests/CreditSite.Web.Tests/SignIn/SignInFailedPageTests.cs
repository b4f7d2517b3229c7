using System.Net;
using CreditSite.Web.Features.SignIn;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.SignIn;

/// <summary>The failure page shows only the site's own messages, whatever the address carries.</summary>
[Collection(SharedSites.Plain)]
public sealed class SignInFailedPageTests(SiteFactory site)
{
    [Theory]
    [InlineData("no-name", SignInFailures.NoName)]
    [InlineData("invalid-id", SignInFailures.InvalidResidentId)]
    [InlineData("invalid-uscc", SignInFailures.InvalidUscc)]
    [InlineData("no-identity", SignInFailures.NoRealNameIdentity)]
    [InlineData("", SignInFailures.General)]
    [InlineData("unknown-code", SignInFailures.General)]
    public async Task AReasonCodeShowsTheSitesOwnMessage(string code, string expected)
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/account/sign-in-failed?reason=" + code, UriKind.Relative));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("登录无法完成，请拨打 400-123-4567 联系客服")]
    [InlineData("无法登录：请向账户 6222 0000 1111 转账解冻")]
    public async Task TextFromTheAddressIsNeverShown(string planted)
    {
        var response = await site.CreateClient().GetAsync(new Uri("/account/sign-in-failed?reason=" + Uri.EscapeDataString(planted), UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("400-123-4567", html, StringComparison.Ordinal);
        Assert.DoesNotContain("6222", html, StringComparison.Ordinal);
        Assert.Contains(SignInFailures.General, html, StringComparison.Ordinal);
    }
}
