using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CreditSite.Web.Site.Hosting;

/// <summary>Where the site's files live. <c>Site:RootPath</c> is filled in by <see cref="SiteHostBuilder"/>.</summary>
public sealed class SiteOptions
{
    public string RootPath { get; set; } = string.Empty;

    /// <summary>Absolute URL of the public site, for every absolute link the site hands out (<see cref="PublicUrls"/>).
    /// Required in Production (<see cref="ProductionSettings"/>); unset in Development, links follow the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>主办单位.</summary>
    public string Sponsor { get; set; } = "常州市社会信用体系建设领导小组办公室";

    /// <summary>承办单位.</summary>
    public string? Organizer { get; set; }

    /// <summary>联系地址.</summary>
    public string? Address { get; set; }

    /// <summary>联系电话.</summary>
    public string? Telephone { get; set; }

    /// <summary>网站标识码 (the 10-character code of the government-website register); required in Production.</summary>
    public string? IdentificationCode { get; set; }

    /// <summary>ICP备案号, e.g. 苏ICP备12345678号; required in Production.</summary>
    public string? IcpFiling { get; set; }

    /// <summary>公安机关备案号, e.g. 苏公网安备 32041102000123号 (the digits make the link to the filing).</summary>
    public string? PublicSecurityFiling { get; set; }

    /// <summary>党政机关网站标识 image (wwwroot path), shown where the site has one.</summary>
    public string? PartyGovernmentBadge { get; set; }

    public string ContentPath => Path.Combine(RootPath, "content");

    public string WebRootPath => Path.Combine(RootPath, "wwwroot");
}

public static class SiteHostingExtensions
{
    public static WebApplicationBuilder AddSiteHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
        // Chinese text as characters, not &#x...; entities (the encoder still escapes markup characters).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            // Static text only. Pages and API answers echo what a visitor typed beside secrets (antiforgery tokens,
            // grant codes); compressing them over HTTPS would open them to BREACH-style guessing.
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "image/x-icon"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    public static WebApplication UseSiteHosting(this WebApplication app)
    {
        AnnounceStart(app);
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = CacheStaticFile });
        app.UseRouting();
        return app;
    }

    /// <summary>A file addressed with its content hash (<c>asp-append-version</c> adds <c>?v=</c>) never changes under
    /// that address: cache it for a year. Anything else (the favicon, scripts named without a hash) for a day.</summary>
    private static void CacheStaticFile(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=86400";

    public static SiteOptions SiteOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<SiteOptions>>().Value;

    /// <summary>Ends the start-up output with one line a person can act on: where the site answers, where its data
    /// lives and which search engine it uses.</summary>
    private static void AnnounceStart(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var dataPath = app.Configuration.StorageSettings().ResolveDataPath(app.Services.SiteOptions().RootPath);
            var engine = app.Configuration["Search:Engine"] ?? "Embedded";
            app.Logger.LogInformation("信用常州已启动：{Addresses}　数据目录：{DataPath}　搜索引擎：{Engine}　环境：{Environment}",
                string.Join("、", addresses), dataPath, engine, app.Environment.EnvironmentName);
        });
}
