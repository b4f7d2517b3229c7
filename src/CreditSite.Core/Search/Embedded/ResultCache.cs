using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CreditSite.Search.Embedded;

/// <summary>Answers already computed on one index snapshot, keyed by everything in the request that changes the answer
/// (like Solr's query result cache). The same searches recur (names in the news, the home page's examples, browse pages
/// that are the same for every visitor, platforms re-checking their merchants), and an answer stays right until the
/// index changes, when the snapshot and its cache are replaced. Bounded by a number of answers and by an estimate of
/// their size; when either is reached it starts over, which keeps memory bounded under a stream of distinct (or
/// hostile) queries without bookkeeping on every hit.</summary>
internal sealed class ResultCache(int maxEntries, long maxBytes)
{
    private readonly ConcurrentDictionary<string, SearchResults> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public int Count => _entries.Count;

    /// <summary>Estimated size of the cached answers.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryGet(string key, out SearchResults results) => _entries.TryGetValue(key, out results!);

    public void Add(string key, SearchResults results)
    {
        var size = EstimateBytes(key, results);
        if (_entries.Count >= maxEntries || Interlocked.Read(ref _bytes) + size > maxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }

        if (_entries.TryAdd(key, results))
        {
            Interlocked.Add(ref _bytes, size);
        }
    }

    /// <summary>Characters held (two bytes each) plus a fixed allowance per object; close enough to bound memory.</summary>
    internal static long EstimateBytes(string key, SearchResults results)
    {
        const int PerObject = 48;
        long chars = key.Length;
        foreach (var hit in results.Hits)
        {
            var d = hit.Document;
            chars += hit.TitleHtml.Length + hit.SnippetHtml.Length + d.Id.Length + d.Title.Length + d.Body.Length + d.Url.Length
                + (d.EntryId?.Length ?? 0) + (d.SubjectName?.Length ?? 0) + (d.SubjectKey?.Length ?? 0) + (d.Uscc?.Length ?? 0)
                + (d.ResidentIdHash?.Length ?? 0) + (d.MaskedIdNumber?.Length ?? 0) + (d.Field?.Length ?? 0)
                + (d.IssuingDepartment?.Length ?? 0) + (d.DecisionNumber?.Length ?? 0) + (d.LegalBasis?.Length ?? 0) + (d.Category?.Length ?? 0)
                + (d.Summary?.Length ?? 0) + (d.PenaltyTypes?.Sum(t => t.Length) ?? 0) + (d.FormerNames?.Sum(n => n.Length) ?? 0);
        }

        long objects = 2 + results.Hits.Count * 18L;
        foreach (var values in results.Facets.ByDimension.Values)
        {
            objects += 1 + values.Count;
            chars += values.Sum(v => v.Value.Length);
        }

        return chars * 2 + objects * PerObject;
    }

    public static string KeyOf(SearchRequest request, string cleanText, int page, int pageSize)
    {
        const char Separator = '\u001F';
        var key = new StringBuilder(128);
        void Add(object? value) => key.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(Separator);

        Add(request.Identifier is null ? cleanText : null);
        Add(request.Identifier?.Uscc);
        Add(request.Identifier?.ResidentIdHash);
        Add(request.Identifier is null ? 0 : 1);
        Add(string.Join(',', request.Types.Distinct().Order()));
        Add(request.ListKind);
        Add(request.Field);
        Add(request.IssuingDepartment);
        Add(request.SubjectType);
        Add(request.SubjectKey);
        Add(request.Category);
        Add(request.PenaltyType);
        Add(request.DecidedFrom?.DayNumber);
        Add(request.DecidedTo?.DayNumber);
        Add(request.Sort);
        Add(page);
        Add(pageSize);
        Add(request.Today.DayNumber);
        Add(request.WithFacets);
        Add(request.GroupBySubject);
        return key.ToString();
    }
}
