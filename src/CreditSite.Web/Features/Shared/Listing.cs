using System.Globalization;

namespace CreditSite.Web.Features;

/// <summary>One page of a list, for the content list pages.</summary>
public sealed record Listing<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total);

public static class Listing
{
    public const int PageSize = 20;

    /// <summary>Reads <c>?page=</c>: missing means 1; anything but a positive whole number is a bad request (400);
    /// a page past the end does not exist (404).</summary>
    public static (Listing<T>? Listing, int Status) For<T>(IReadOnlyList<T> all, string? page, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var number = 1;
        if (!string.IsNullOrEmpty(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return (null, StatusCodes.Status400BadRequest);
        }

        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        if (number > pageCount)
        {
            return (null, StatusCodes.Status404NotFound);
        }

        return (new Listing<T>([.. all.Skip((number - 1) * pageSize).Take(pageSize)], number, pageCount, all.Count), StatusCodes.Status200OK);
    }
}

public static class ChineseDate
{
    /// <summary>2019年4月16日.</summary>
    public static string ToChineseDate(this DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>For <c>&lt;time datetime&gt;</c>.</summary>
    public static string ToIsoDate(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
