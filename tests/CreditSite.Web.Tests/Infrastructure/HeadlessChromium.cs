using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (no browser download works here), set up the same way for every
/// browser test: headless, zh-CN, 1280×900, generous timeouts, screenshots into the artefacts folder.</summary>
internal static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh context (its own cookies), 1280 px wide unless a phone's width is given.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, int width = 1280)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        // Generous: the test machine's two cores are shared with builds, and a starved Chromium is slow, not broken.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page on a 360 px phone with JavaScript off: what the site must work without.</summary>
    public static async Task<IPage> NewPageWithoutScriptAsync(IBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 360, Height = 800 }, JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page on the same phone with script on, for measurements and axe, which need it; what was done without
    /// script on <paramref name="withoutScript"/> (a sign-in, a choice) comes along as its cookies.</summary>
    public static async Task<IPage> NewPageWithScriptAsync(IBrowser browser, IPage withoutScript)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(withoutScript);
        var measuring = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 360, Height = 800 },
        });
        measuring.SetDefaultTimeout(90_000);
        await measuring.AddCookiesAsync((await withoutScript.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        return await measuring.NewPageAsync();
    }

    /// <summary>Console messages about Content Security Policy blocks, collected as the page runs.</summary>
    public static List<string> CollectCspViolations(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    /// <summary>Serious and critical axe violations on the page, one line each.</summary>
    public static async Task<IEnumerable<string>> SeriousAxeViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        AxeResult result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
    }

    /// <summary>Every axe violation of the WCAG 2.1 A and AA rules, whatever its impact, one line each.</summary>
    public static async Task<IEnumerable<string>> WcagViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        AxeResult result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
    }

    /// <summary>How far the page reaches past the window's right edge (0 when nothing scrolls sideways).</summary>
    public static Task<int> HorizontalOverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /// <summary>The innermost elements that reach past the window's right edge, to say what to fix.</summary>
    public static Task<string[]> OverflowingElementsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string[]>("""
            () => {
                const edge = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > edge + 0.5);
                return wide.filter(e => !wide.some(o => o !== e && e.contains(o)))
                    .slice(0, 5)
                    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${Math.round(e.getBoundingClientRect().right)} px: ${(e.textContent || '').trim().slice(0, 40)}`);
            }
            """);
    }

    /// <summary><c>CREDITSITE_TEST_ARTIFACTS</c> (set by scripts/test.sh), or <c>artifacts/</c> beside the test binaries.</summary>
    public static string ArtifactsFolder()
    {
        var folder = Environment.GetEnvironmentVariable("CREDITSITE_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
