using CreditSite.Hosting;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Search;

public static class EmbeddedSearchFeature
{
    /// <summary>The embedded Lucene index under <c>{Storage:DataPath}/index/</c>, when <c>Search:Engine</c> is
    /// <c>Embedded</c> (the default). The CLI registers the same engine over the same folder, so an import there is
    /// searchable here within seconds.</summary>
    public static WebApplicationBuilder AddEmbeddedSearch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var engine = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.Engine ?? SearchEngineKind.Embedded;
        if (engine != SearchEngineKind.Embedded)
        {
            return builder;
        }

        var root = builder.Configuration["Site:RootPath"]
            ?? throw new InvalidOperationException("Site:RootPath is set by SiteHostBuilder before features register.");
        builder.Services.AddEmbeddedSearchEngine(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataPath(root));
        return builder;
    }
}
