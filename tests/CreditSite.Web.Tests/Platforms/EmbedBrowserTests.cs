using CreditSite.Web.Tests.Infrastructure;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>A platform's page on another origin embeds the query window and the badges with the snippets copied from
/// <c>/embed</c>, in a real Chromium against the site on real Kestrel.</summary>
public sealed class EmbedBrowserTests : IAsyncLifetime, IDisposable
{
    private readonly int _sitePort = FreePort.Next();
    private readonly int _platformPort = FreePort.Next();
    private BrowserSite _site = null!;
    private HttpListener _platform = null!;
    private string _platformPage = string.Empty;

    private string SiteUrl => $"http://127.0.0.1:{_sitePort}";

    public async Task InitializeAsync()
    {
        _site = new BrowserSite(SiteUrl, $"http://127.0.0.1:{_platformPort}");
        _site.UseKestrel(_sitePort);
        _site.StartServer();
        await _site.InitializeAsync();

        // The snippets exactly as a developer copies them from the developer page.
        using var client = new HttpClient { BaseAddress = new Uri(SiteUrl) };
        var developerPage = await client.GetStringAsync(new Uri($"/embed?uscc={SeededPlatformSite.BlackCode}", UriKind.Relative));
        string Snippet(string id) => WebUtility.HtmlDecode(Regex.Match(developerPage, $"<pre class=\"snippet\" id=\"{id}\"><code>(.*?)</code></pre>", RegexOptions.Singleline).Groups[1].Value);
        var search = Snippet("snippet-search").Replace("<iframe ", "<iframe id=\"credit-search\" ", StringComparison.Ordinal);
        var badgeFrame = Snippet("snippet-badge-frame").Replace("<iframe ", "<iframe id=\"credit-badge\" ", StringComparison.Ordinal);
        var badgeImage = Snippet("snippet-badge-image").Replace("<img ", "<img id=\"credit-badge-image\" ", StringComparison.Ordinal);
        Assert.Contains(SiteUrl + "/embed/search", search, StringComparison.Ordinal);

        _platformPage = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>某电商平台 · 商户页</title></head>
            <body style="font-family: 'Noto Sans CJK SC', sans-serif; margin: 20px">
              <h1>某电商平台 · 商户：{SeededPlatformSite.BlackName}</h1>
              <p>这是另一个来源上的平台页面，嵌入了“信用常州”的查询窗口和信用状态标识。</p>
              <div style="display: flex; gap: 24px; align-items: flex-start">
                <div>{search}</div>
                <div><h2>信用标识（框架）</h2>{badgeFrame}<h2>信用标识（图片）</h2>{badgeImage}</div>
              </div>
              <h2>不允许嵌入的页面</h2>
              <iframe id="not-embeddable" name="not-embeddable" src="{SiteUrl}/search" width="300" height="80"></iframe>
            </body>
            </html>
            """;
        _platform = new HttpListener();
        _platform.Prefixes.Add($"http://127.0.0.1:{_platformPort}/");
        _platform.Prefixes.Add($"http://localhost:{_platformPort}/");
        _platform.Start();
        _ = ServePlatformAsync();
    }

    public Task DisposeAsync()
    {
        _platform.Stop();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _platform.Close();
        _site.Dispose();
    }

    [Fact]
    public async Task PlatformPageEmbedsTheQueryWindowAndTheBadge()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        await page.GotoAsync($"http://127.0.0.1:{_platformPort}/merchant");

        // The badge shows the merchant's standing, in both forms.
        var badge = page.FrameLocator("#credit-badge");
        await Expect(badge.Locator(".badge-state")).ToHaveTextAsync("有失信记录 2 条");
        await Expect(badge.Locator(".badge-date")).ToContainTextAsync("2025-06-01");
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('credit-badge-image'); return i.complete && i.naturalWidth > 0; }");

        // A search inside the frame works and its results open on the main site.
        var window = page.FrameLocator("#credit-search");
        await window.GetByRole(AriaRole.Searchbox).FillAsync("失信建材");
        await window.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var result = window.GetByRole(AriaRole.Link, new() { Name = SeededPlatformSite.BlackName }).First;
        await Expect(result).ToBeVisibleAsync();
        Assert.Equal($"http://127.0.0.1:{_platformPort}/merchant", page.Url);

        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "platform-page-embeds.png"), FullPage = true });

        var popup = await page.RunAndWaitForPopupAsync(() => result.ClickAsync());
        await popup.WaitForLoadStateAsync();
        Assert.Equal($"{SiteUrl}/subjects/{SeededPlatformSite.BlackCode}", popup.Url);
        await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = SeededPlatformSite.BlackName })).ToBeVisibleAsync();

        // An ordinary page of the site refuses the frame.
        await Expect(page.FrameLocator("#not-embeddable").Locator("form")).ToHaveCountAsync(0);
        Assert.DoesNotContain(page.Frames, f => f.Url.StartsWith(SiteUrl + "/search", StringComparison.Ordinal) && f.Name == "not-embeddable");
    }

    [Fact]
    public async Task OriginOutsideTheAllowListCannotFrameTheQueryWindow()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);

        // Same port, but "localhost" is another origin than the allowed 127.0.0.1.
        await page.GotoAsync($"http://localhost:{_platformPort}/merchant");

        await Expect(page.FrameLocator("#credit-badge").Locator(".badge-state")).ToHaveCountAsync(0);
        await Expect(page.FrameLocator("#credit-search").GetByRole(AriaRole.Searchbox)).ToHaveCountAsync(0);
        // The image form does not depend on framing and works anywhere.
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('credit-badge-image'); return i.complete && i.naturalWidth > 0; }");
    }

    private static string Artifacts => HeadlessChromium.ArtifactsFolder();

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => HeadlessChromium.LaunchAsync(playwright);

    private async Task ServePlatformAsync()
    {
        while (_platform.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _platform.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(_platformPage);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    /// <summary>The seeded site whose public address and allowed embedding origin are the test's own ports.</summary>
    private sealed class BrowserSite(string publicBaseUrl, string platformOrigin) : SeededPlatformSite
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = publicBaseUrl,
            ["Embedding:AllowedOrigins:1"] = platformOrigin,
        };
    }
}
