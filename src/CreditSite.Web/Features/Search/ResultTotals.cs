using System.Globalization;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>How a result count reads on a page: "10,000+" when the engine stopped counting at a bound.</summary>
public static class ResultTotals
{
    public static string Text(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Total.ToString("N0", CultureInfo.InvariantCulture) + (results.TotalIsLowerBound ? "+" : string.Empty);
    }

    /// <summary>Whether every row of a grouped answer stands for a subject: the request can find no policy,
    /// announcement or role model (those are rows of their own, and a person's honour has no subject).</summary>
    public static bool RowsAreSubjects(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GroupBySubject
            && (request.Identifier is not null
                || request.ListKind is not null
                || (request.Types.Count > 0 && request.Types.All(t => t is DocumentType.ListEntry or DocumentType.Licence or DocumentType.Penalty
                    or DocumentType.Commitment or DocumentType.Subject)));
    }
}
