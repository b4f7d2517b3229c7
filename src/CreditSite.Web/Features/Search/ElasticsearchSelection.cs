using CreditSite.Search;
using CreditSite.Search.Elasticsearch;

namespace CreditSite.Web.Features.Search;

public static class ElasticsearchSelection
{
    /// <summary>Registers the Elasticsearch engine when <c>Search:Engine</c> is <c>Elasticsearch</c>; otherwise
    /// nothing, and the embedded engine's registration stands.</summary>
    public static WebApplicationBuilder AddElasticsearchWhenSelected(this WebApplicationBuilder builder)
    {
        var engine = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.Engine;
        if (engine == SearchEngineKind.Elasticsearch)
        {
            builder.Services.AddElasticsearchEngine(builder.Configuration);
        }

        return builder;
    }
}
