namespace CreditSite.Web.Features.Records;

public static class RecordsFeature
{
    /// <summary>The public records' pages (双公示 lists, record pages, 公示及时率). They use the store, the catalogue, the
    /// search engine and the content library's working-day calendar, all registered elsewhere; the timeliness query is
    /// this feature's own.</summary>
    public static WebApplicationBuilder AddPublicRecords(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PublicationTimeliness>();
        return builder;
    }
}
