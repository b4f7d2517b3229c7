using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CreditSite.Search.Embedded;

/// <summary>Recent answers on one index snapshot, keyed by everything in the request that changes the answer. Popular
/// queries and browse pages (the same for every visitor) are then answered without touching the index. Bounded: when
/// full it starts over, which keeps memory small under a stream of distinct (or hostile) queries.</summary>
internal sealed class ResultCache
{
    private readonly ConcurrentDictionary<string, SearchResults> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out SearchResults results) => _entries.TryGetValue(key, out results!);

    public void Add(string key, SearchResults results, int maxEntries)
    {
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = results;
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
        Add(request.DecidedFrom?.DayNumber);
        Add(request.DecidedTo?.DayNumber);
        Add(request.Sort);
        Add(page);
        Add(pageSize);
        Add(request.Today.DayNumber);
        Add(request.WithFacets);
        return key.ToString();
    }
}
