using CreditSite.Web.Site.Errors;
using CreditSite.Web.Site.Hosting;
using CreditSite.Search;

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

    /// <summary>Answers a search outage with 503 and <c>Retry-After</c> (pages that catch it; see <see cref="SearchOutageHandler"/>).</summary>
    public static void SetUnavailable(this HttpResponse response, SearchUnavailableException outage) =>
        SearchOutageHandler.SetUnavailable(response, outage);

    public const string UnavailableMessage = SearchOutageHandler.Message;
}
