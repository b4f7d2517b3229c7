using System.Globalization;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Records;

/// <summary>双公示: browse one kind of record (行政许可, 行政处罚, 信用承诺) with filters — department, 许可类别 / 处罚类别 /
/// 承诺类型 from the catalogue, decision date range, subject type — with counts, paging and the dataset's 数据更新时间.</summary>
public sealed class BrowseModel(
    ISearchEngine engine, SearchQueryInterpreter interpreter, RecordStore records, CreditCatalogue catalogue, TimeProvider time) : PageModel
{
    public RecordKind Kind { get; private set; }

    public SearchParameters Parameters { get; private set; } = new();

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Outage { get; private set; }

    public DatasetSummary? Dataset { get; private set; }

    /// <summary>Every department with records of this kind in public view, with its count (the filter's choices).</summary>
    public IReadOnlyList<FacetValue> Departments { get; private set; } = [];

    /// <summary>The category choices from the catalogue: 许可类别, 处罚类别 or 承诺类型.</summary>
    public IReadOnlyList<string> Categories => Kind switch
    {
        RecordKind.Licence => catalogue.LicenceCategories,
        RecordKind.Penalty => catalogue.PenaltyTypes,
        _ => catalogue.CommitmentTypes,
    };

    /// <summary>The query parameter of the category filter: <c>penalty_type</c> for penalties, else <c>category</c>.</summary>
    public string CategoryParameter => Kind == RecordKind.Penalty ? "penalty_type" : "category";

    public string CategoryLabel => Kind == RecordKind.Penalty ? "处罚类别" : RecordWording.CategoryLabel(Kind);

    public string? CurrentCategory => Kind == RecordKind.Penalty ? Parameters.PenaltyType : Parameters.Category;

    public string Path => RecordWording.ListPath(Kind);

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (!RecordText.TryParseRecordKind(kind, out var parsed))
        {
            return NotFound(); // the route admits only the three kinds
        }

        Kind = parsed;
        Parameters = SearchParameters.FromQuery(Request.Query);
        Parameters.Type = DocumentTypeText.Of(Kind).Code();
        Parameters.Kind = null;
        Parameters.Field = null;
        Parameters.Sort ??= "newest";
        if (Kind == RecordKind.Penalty)
        {
            Parameters.Category = null;
        }
        else
        {
            Parameters.PenaltyType = null;
        }

        var (request, query, errors) = Parameters.Build(interpreter, CreditCalendar.Today(time));
        var all = new List<string>(errors);
        if (query.Kind == QueryKind.InvalidIdentifier && query.Message is not null)
        {
            all.Add(query.Message);
        }

        if (QueryText.Clean(CurrentCategory) is { } category && !Categories.Contains(category, StringComparer.Ordinal))
        {
            all.Add($"{CategoryLabel}只能是以下之一：{string.Join("、", Categories)}。");
        }

        Errors = all;
        var (lastImported, stored) = await records.DatasetAsync(Kind, cancellationToken);
        try
        {
            // The whole dataset in public view today: its size and its departments, whatever the filters.
            var dataset = await engine.SearchAsync(new SearchRequest
            {
                Types = [DocumentTypeText.Of(Kind)],
                PageSize = 1,
                Today = CreditCalendar.Today(time),
            }, cancellationToken);
            Departments = dataset.Facets["department"];
            Dataset = new DatasetSummary(lastImported, stored, dataset.Total);
            if (request is null || Errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            Results = await engine.SearchAsync(request, cancellationToken);
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Outage = SearchFeature.UnavailableMessage;
            return Page();
        }

        // A page past the end (an old link, fewer records today) goes to the last page.
        if (Results.Total > 0 && Results.Page > Results.PageCount)
        {
            return Redirect(Parameters.LinkWith(Path, "page", Results.PageCount.ToString(CultureInfo.InvariantCulture)));
        }

        return Page();
    }
}

/// <summary>数据更新时间 (the last import that wrote a record of the kind), the records the store holds, and how many of
/// them are in public view today.</summary>
public sealed record DatasetSummary(DateTimeOffset? LastImported, long Stored, long Public)
{
    /// <summary>“2026年6月15日 10:02”, China Standard Time; “暂无数据” before the first import.</summary>
    public string UpdatedText => LastImported is { } at
        ? at.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
        : "暂无数据";
}
