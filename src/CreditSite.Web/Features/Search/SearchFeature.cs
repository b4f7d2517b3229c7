using CreditSite.Web.Site.Hosting;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>The one-stop query (一站式查询): the page, the JSON API and the query interpreter.</summary>
    public static WebApplicationBuilder AddOneStopSearch(this WebApplicationBuilder builder)
    {
        // Uses the ID hasher from AddSiteCore.
        builder.Services.AddSingleton<SearchQueryInterpreter>();
        builder.Services.AddSearchEngine(builder.Configuration, builder.DataPath());
        builder.Services.AddHostedService<ContentIndexing>();
        return builder;
    }

    /// <summary>Answers a search outage with 503, a Chinese message and <c>Retry-After</c>.</summary>
    public static void SetUnavailable(this HttpResponse response, SearchUnavailableException outage)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(outage);
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)Math.Ceiling(outage.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public const string UnavailableMessage = "搜索服务暂时不可用，请稍后再试。政策法规、诚信典型等页面仍可正常访问。";
}
