using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.Security;

/// <summary>A path prefix that other sites may show in a frame, and the origins allowed to (e.g. an e-commerce
/// platform embedding the query window under <c>/embed</c>).</summary>
public sealed class FramingRule
{
    public string PathPrefix { get; set; } = string.Empty;

    /// <summary>Origins such as <c>https://shop.example.com</c>; empty means nobody.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The site itself may frame these paths too (the embed developer page previews the embeds).</summary>
    public bool AllowSelf { get; set; }

    /// <summary>The <c>frame-ancestors</c> sources of this rule.</summary>
    public string Ancestors()
    {
        var sources = (AllowSelf ? ["'self'"] : Array.Empty<string>()).Concat(AllowedOrigins.Select(o => o.TrimEnd('/'))).ToList();
        return sources.Count == 0 ? "'none'" : string.Join(' ', sources);
    }
}

/// <summary><c>SecurityHeaders</c> section. Everything is framed by nobody unless a <see cref="FramingRule"/> says otherwise.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "SecurityHeaders";

    public List<FramingRule> Framing { get; set; } = [];

    /// <summary>Origins a form on this site may lead to besides the site itself (CSP <c>form-action</c>). Browsers apply
    /// it to the redirects that follow a form too, so the sign-in feature adds the identity provider's origin here: the
    /// sign-out form ends with a redirect to the provider's end-session endpoint.</summary>
    public List<string> FormActionOrigins { get; set; } = [];

    /// <summary>Why the options are unusable, or null. Origins go into a header verbatim, so they must be bare origins.</summary>
    public string? Validate()
    {
        foreach (var rule in Framing)
        {
            if (!rule.PathPrefix.StartsWith('/') || rule.PathPrefix.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return $"SecurityHeaders:Framing 的 PathPrefix “{rule.PathPrefix}” 必须以 / 开头且不含空白。";
            }

            foreach (var origin in rule.AllowedOrigins)
            {
                if (!IsOrigin(origin))
                {
                    return $"SecurityHeaders:Framing 的来源 “{origin}” 应为 https://主机[:端口] 形式的源，不含路径。";
                }
            }
        }

        foreach (var origin in FormActionOrigins)
        {
            if (!IsOrigin(origin))
            {
                return $"SecurityHeaders:FormActionOrigins 的来源 “{origin}” 应为 https://主机[:端口] 形式的源，不含路径。";
            }
        }

        return null;
    }

    /// <summary>A bare origin (scheme, host, optional port), safe to put into a header verbatim.</summary>
    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

public static class SecurityHeaders
{
    /// <summary>Scripts, styles, images and fonts only from this site; no inline script; no plugins; forms post to
    /// this site (and to <see cref="SecurityHeadersOptions.FormActionOrigins"/>).</summary>
    private static string BasePolicy(IEnumerable<string> formActionOrigins) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; form-action {string.Join(' ', formActionOrigins.Select(o => o.TrimEnd('/')).Prepend("'self'").Distinct(StringComparer.OrdinalIgnoreCase))}; " +
        "base-uri 'self'; object-src 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityHeadersOptions>()
            .Bind(builder.Configuration.GetSection(SecurityHeadersOptions.Section))
            .Validate(o => o.Validate() is null, "SecurityHeaders 配置有误：Framing 的 PathPrefix 须以 / 开头，来源（Framing、FormActionOrigins）须为 https://主机 形式。")
            .ValidateOnStart();
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Adds the headers to every response, error pages and static files included. Call it first.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            // Only sent over HTTPS (and never for localhost), as the HSTS middleware decides.
            app.UseHsts();
        }

        var options = app.Services.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        var rules = options.Framing
            .OrderByDescending(r => r.PathPrefix.Length)
            .Select(r => (Prefix: new PathString(r.PathPrefix.TrimEnd('/')), Ancestors: r.Ancestors()))
            .ToList();
        var basePolicy = BasePolicy(options.FormActionOrigins);

        app.Use(async (context, next) =>
        {
            // Decided on the original path: an error page re-executed under /error must keep the framing rule of the
            // page asked for. Written in OnStarting, because the exception handler clears headers set earlier.
            var ancestors = "'none'";
            foreach (var (prefix, allowed) in rules)
            {
                if (context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    ancestors = allowed;
                    break;
                }
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = $"{basePolicy}; frame-ancestors {ancestors}";
                if (ancestors == "'none'")
                {
                    headers.XFrameOptions = "DENY";
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
