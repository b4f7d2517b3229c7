using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Records;

/// <summary>双公示: the three datasets (行政许可, 行政处罚, 信用承诺) with each one's 数据更新时间 and size, and the way to
/// the publication timeliness table.</summary>
public sealed class IndexModel(ISearchEngine engine, RecordStore records, TimeProvider time) : PageModel
{
    public IReadOnlyList<(RecordKind Kind, DatasetSummary Summary)> Datasets { get; private set; } = [];

    public string? Outage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = CreditCalendar.Today(time);
        var datasets = new List<(RecordKind, DatasetSummary)>();
        try
        {
            foreach (var kind in RecordText.AllKinds)
            {
                var (last, stored) = await records.DatasetAsync(kind, cancellationToken);
                var inView = await engine.SearchAsync(new SearchRequest
                {
                    Types = [DocumentTypeText.Of(kind)],
                    PageSize = 1,
                    Today = today,
                    WithFacets = false,
                }, cancellationToken);
                datasets.Add((kind, new DatasetSummary(last, stored, inView.Total)));
            }
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Outage = SearchFeature.UnavailableMessage;
        }

        Datasets = datasets;
    }
}
