using CreditSite.Web.Site.ListSync;
using System.Globalization;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Features.Search;

namespace CreditSite.Web.Features.Embeds;

/// <summary>Query links, the embeddable query window and status badges for platforms (/q, /embed/…).</summary>
public static class EmbedsFeature
{
    public static WebApplicationBuilder AddEmbeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>()
            .Bind(builder.Configuration.GetSection(EmbeddingOptions.Section))
            .Validate(o => o.HasOnlyValidOrigins(), "Embedding:AllowedOrigins 只能包含形如 https://shop.example.com 的来源（协议、主机和可选端口，不含路径）。")
            .ValidateOnStart();
        builder.Services.AddEmbedFramingRules();
        builder.Services.AddSingleton<SubjectStatusLookup>();
        return builder;
    }

    /// <summary>The SVG badge; the HTML badge, the query window and the developer page are Razor pages.</summary>
    public static IEndpointRouteBuilder MapEmbeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/embed/badge/{uscc}.svg", BadgeSvgAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> BadgeSvgAsync(
        string uscc, HttpContext context, SubjectStatusLookup lookup, DemoDataMode demo, CancellationToken cancellationToken)
    {
        var code = UnifiedSocialCreditCode.Parse(uscc);
        if (!code.IsValid)
        {
            return Svg(context, BadgeSvg.RenderInvalid(), StatusCodes.Status400BadRequest);
        }

        try
        {
            var status = await lookup.GetAsync(code.Value!.Value.Value, cancellationToken);
            SetShortCaching(context.Response);
            return Svg(context, BadgeSvg.Render(status, demo.IsOn), StatusCodes.Status200OK);
        }
        catch (SearchUnavailableException outage)
        {
            context.Response.SetUnavailable(outage);
            return Svg(context, BadgeSvg.RenderUnavailable(), StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult Svg(HttpContext context, string svg, int statusCode)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        EmbedFraming.AllowCrossOriginLoading(context.Response);
        return Results.Content(svg, "image/svg+xml; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>Badges may be cached for a short while only: the standing changes the day an entry leaves public view.</summary>
    public static void SetShortCaching(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "public, max-age=" + ((int)SubjectStatusLookup.Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
