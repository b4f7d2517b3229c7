using System.Globalization;
using CreditSite.Domain;
using CreditSite.Search;
using Microsoft.Extensions.Caching.Memory;

namespace CreditSite.Web.Features.Embeds;

/// <summary>Where a subject stands on the lists on one day, as badges and the status API show it.</summary>
public enum ListStanding
{
    /// <summary>Nothing about the code is in public view (never listed, or every entry has left public view).</summary>
    Unknown,

    /// <summary>In public view (honours), but on neither list.</summary>
    Clean,

    /// <summary>On the red list and not on the black list.</summary>
    Red,

    /// <summary>At least one black-list entry in public view.</summary>
    Black,
}

/// <summary>A subject's list standing on <see cref="CheckedOn"/>, counting only entries in public view that day.</summary>
public sealed record SubjectStatus(string Uscc, string? Name, int RedCount, int BlackCount, int Honours, DateOnly CheckedOn)
{
    public ListStanding Standing =>
        BlackCount > 0 ? ListStanding.Black
        : RedCount > 0 ? ListStanding.Red
        : Name is not null ? ListStanding.Clean
        : ListStanding.Unknown;

    /// <summary>The site has a subject page for it.</summary>
    public bool IsKnown => Name is not null;

    public string StandingCode => CodeOf(Standing);

    /// <summary>The wire code of a standing in the status API.</summary>
    public static string CodeOf(ListStanding standing) => standing switch
    {
        ListStanding.Black => "black",
        ListStanding.Red => "red",
        ListStanding.Clean => "clean",
        _ => "unknown",
    };

    /// <summary>The badge text: 有失信记录 wins over 红名单; no public record at all reads 无失信记录.</summary>
    public string BadgeText => Standing switch
    {
        ListStanding.Black => $"有失信记录 {BlackCount.ToString(CultureInfo.InvariantCulture)} 条",
        ListStanding.Red => "红名单",
        _ => "无失信记录",
    };

    public string CheckedOnText => CheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Site-relative link for a person who wants the details: the subject page, or the query page when the
    /// site has no page for the code.</summary>
    public string DetailsPath => IsKnown ? $"/subjects/{Uscc}" : $"/search?q={Uscc}";
}

/// <summary>Looks up subjects' list standing through the search engine, with a short cache: the one-stop query's row for
/// the code (<see cref="SearchRequest.GroupBySubject"/>), so a badge, the status API and the query page say the same
/// about a subject. The cache key holds the request's day, so an entry whose <c>public_until</c> has passed is gone
/// from the answer the moment the day changes; changes made by an import show within <see cref="Lifetime"/>.</summary>
public sealed class SubjectStatusLookup(ISearchEngine engine, TimeProvider time) : IDisposable
{
    /// <summary>Also the <c>max-age</c> of badge responses.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    // Own cache with a size limit, so a flood of distinct codes cannot grow memory without bound.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public DateOnly Today => CreditCalendar.Today(time);

    /// <param name="uscc">A valid, normalised code.</param>
    public async Task<SubjectStatus> GetAsync(string uscc, CancellationToken cancellationToken)
    {
        var today = Today;
        var key = $"{uscc}|{today:yyyyMMdd}";
        if (_cache.TryGetValue(key, out SubjectStatus? cached) && cached is not null)
        {
            return cached;
        }

        var rows = await engine.SearchAsync(new SearchRequest
        {
            Identifier = new IdentifierFilter(uscc, null),
            GroupBySubject = true,
            PageSize = 1,
            Today = today,
            WithFacets = false,
        }, cancellationToken);
        var subject = rows.Hits.Select(h => h.Subject).FirstOrDefault(s => s?.SubjectKey == uscc);
        SubjectStatus status;
        if (subject is null)
        {
            status = new SubjectStatus(uscc, null, 0, 0, 0, today);
        }
        else
        {
            var (red, black) = await ListCountsAsync(subject, today, cancellationToken);
            status = new SubjectStatus(uscc, subject.Name, red, black, subject.Counts.GetValueOrDefault(DocumentType.RoleModel), today);
        }

        _cache.Set(key, status, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return status;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>Entries per list. The row counts list entries of both lists together: on one list they are that
    /// list's; on both (rare) the list-kind facet of the subject's entries splits them.</summary>
    private async Task<(int Red, int Black)> ListCountsAsync(SubjectSummary subject, DateOnly today, CancellationToken cancellationToken)
    {
        var entries = subject.Counts.GetValueOrDefault(DocumentType.ListEntry);
        if (subject.Lists.Count <= 1)
        {
            return subject.Lists.Contains(ListKind.Black) ? (0, entries)
                : subject.Lists.Contains(ListKind.Red) ? (entries, 0)
                : (0, 0);
        }

        var split = await engine.SearchAsync(new SearchRequest
        {
            SubjectKey = subject.SubjectKey,
            Types = [DocumentType.ListEntry],
            PageSize = 1,
            Today = today,
        }, cancellationToken);
        int Of(ListKind kind) => (int)(split.Facets["list_kind"].FirstOrDefault(v => v.Value == kind.Code())?.Count ?? 0);
        return (Of(ListKind.Red), Of(ListKind.Black));
    }
}
