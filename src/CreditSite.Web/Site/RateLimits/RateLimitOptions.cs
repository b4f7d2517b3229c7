using System.Net;

namespace CreditSite.Web.Site.RateLimits;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; } = 100;

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public bool IsValid => PermitLimit > 0 && WindowSeconds > 0;
}

/// <summary><c>RateLimits</c> section. Every limit counts per client address, except API requests with a valid key,
/// which count per key against that key's own quota.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Pages, feeds, embeds.</summary>
    public WindowLimit Pages { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary><c>/api/…</c> without an API key (the anonymous quota).</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Report verification attempts (requests carrying a report number; showing the empty form is not one),
    /// on top of <see cref="Pages"/>: with 12-character codes, guessing stays hopeless.</summary>
    public WindowLimit ReportVerification { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Routes where a caller could guess a secret (grant codes), on top of <see cref="Pages"/>: strict.</summary>
    public WindowLimit Sensitive { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>Path prefixes that fall under <see cref="Sensitive"/> (set in appsettings.json).</summary>
    public string[] SensitivePaths { get; set; } = [];

    /// <summary>Sign-in and sign-out routes, on top of <see cref="Pages"/>: generous, because a tax office or a
    /// service hall signs many people in through one address (a sign-in plus sign-out is about five requests), yet
    /// bounded so the site cannot be used to hammer the identity provider. Nothing is guessed here: the provider
    /// checks the credentials.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 600, WindowSeconds = 600 };

    /// <summary>Path prefixes that fall under <see cref="SignIn"/> (set in appsettings.json).</summary>
    public string[] SignInPaths { get; set; } = [];

    public bool IsValid =>
        Pages.IsValid && Api.IsValid && ReportVerification.IsValid && Sensitive.IsValid && SignIn.IsValid
        && SensitivePaths.All(p => p.StartsWith('/')) && SignInPaths.All(p => p.StartsWith('/'));
}

/// <summary><c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> is believed. A request
/// from any other address keeps its own address as the client address, whatever headers it sends.</summary>
public sealed class ClientAddressOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsValid =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}
