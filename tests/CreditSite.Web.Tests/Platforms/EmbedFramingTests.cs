using CreditSite.Web.Tests.Infrastructure;
namespace CreditSite.Web.Tests.Platforms;

/// <summary>Only the embed routes may be framed, and only by the site itself and the configured origins.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class EmbedFramingTests(SeededPlatformSite site)
{
    public static TheoryData<string> EmbedRoutes => new()
    {
        "/embed/search",
        "/embed/search?q=诚信",
        $"/embed/badge/{SeededPlatformSite.RedCode}",
        $"/embed/badge/{SeededPlatformSite.BlackCode}.svg",
    };

    public static TheoryData<string> OtherPages => new()
    {
        "/",
        "/search?q=诚信",
        "/embed",
        "/api",
        $"/subjects/{SeededPlatformSite.RedCode}",
        "/lists/black",
        "/feeds/black-list.atom",
        "/api/v1/search?q=诚信",
    };

    [Theory]
    [MemberData(nameof(EmbedRoutes))]
    public async Task EmbedRoutesMayBeFramedByTheSiteAndConfiguredOriginsOnly(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var frameAncestors = FrameAncestors(csp);
        Assert.Equal(["'self'", PlatformSite.AllowedOrigin], frameAncestors.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "An embed must not send X-Frame-Options, which would forbid every frame.");
    }

    [Theory]
    [MemberData(nameof(OtherPages))]
    public async Task EveryOtherPageRefusesToBeFramed(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("'none'", FrameAncestors(csp));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task BadgeImageMayBeLoadedByOtherSites()
    {
        using var response = await site.CreateClient().GetAsync(new Uri($"/embed/badge/{SeededPlatformSite.RedCode}.svg", UriKind.Relative));

        Assert.Equal("cross-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }

    private static string FrameAncestors(string csp)
    {
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal))
            .ToList();
        return Assert.Single(directives)["frame-ancestors ".Length..].Trim();
    }
}
