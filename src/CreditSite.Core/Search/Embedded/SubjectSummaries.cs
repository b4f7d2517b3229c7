using CreditSite.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>The second pass of a search by subject: for the subjects on the page only, what is in view about each of them
/// today (counts by type, lists, statuses, the registry record and the newest document), read from doc values and
/// cached bit sets, in one query over the page's subject keys. Stored documents are read for the name only: the registry
/// record's, or the newest document's — one per subject.</summary>
internal static class SubjectSummaries
{
    private static readonly EntryStatus[] NotableStatuses = Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Active).ToArray();

    /// <summary>Summaries of the subjects <paramref name="keys"/>, which have <paramref name="matched"/> matching documents;
    /// <paramref name="loaded"/> are stored documents already read (the page's hits), by document number.</summary>
    public static SubjectSummary[] Of(IndexSearcher searcher, IReadOnlyList<string> keys, IReadOnlyList<int> matched, IReadOnlyDictionary<int, SearchDocument> loaded,
        Filter visibility, FilterCache filters)
    {
        var keyQuery = new BooleanQuery(disableCoord: true);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            keyQuery.Add(new TermQuery(new Term(IndexFields.SubjectKey, key)), Occur.SHOULD);
        }

        var visible = new VisibleDocuments(keys, filters);
        searcher.Search(new FilteredQuery(new ConstantScoreQuery(keyQuery), visibility, AlwaysRandomAccess.Instance), visible);

        var summaries = new SubjectSummary[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var tally = visible.Tallies[i];
            var source = tally.RegistryDoc >= 0 ? tally.RegistryDoc : tally.NewestDoc;
            var document = source < 0 ? null
                : loaded.TryGetValue(source, out var hit) ? hit
                : IndexFields.FromLucene(searcher.Doc(source, IndexFields.StoredOnly));
            summaries[i] = new SubjectSummary
            {
                SubjectKey = keys[i],
                Name = document is null ? keys[i] : document.Type == DocumentType.Subject ? document.Title : document.SubjectName ?? document.Title,
                SubjectType = document?.SubjectType,
                Uscc = document?.Uscc,
                MaskedIdNumber = document?.MaskedIdNumber,
                FormerNames = tally.RegistryDoc >= 0 ? document?.FormerNames ?? [] : [],
                Counts = tally.Counts,
                Lists = tally.Lists.Order().ToList(),
                Statuses = tally.Statuses.Order().ToList(),
                MatchedDocuments = matched[i],
            };
        }

        return summaries;
    }

    private sealed class Tally
    {
        public Dictionary<DocumentType, int> Counts { get; } = [];
        public HashSet<ListKind> Lists { get; } = [];
        public HashSet<EntryStatus> Statuses { get; } = [];
        public int RegistryDoc { get; set; } = -1;
        public int NewestDoc { get; set; } = -1;
        public int NewestDate { get; set; } = int.MinValue;
    }

    /// <summary>Tallies what is in view of each of the page's subjects; a document's subject is found by its segment's
    /// ordinal of the subject key.</summary>
    private sealed class VisibleDocuments(IReadOnlyList<string> keys, FilterCache filters) : ICollector
    {
        private SortedDocValues? _groups;
        private Dictionary<int, int> _indexOfOrd = [];
        private int _docBase;
        private SegmentFacets? _facets;
        private SegmentSubjects? _subjects;
        private IBits?[] _statusBits = [];

        public Tally[] Tallies { get; } = keys.Select(_ => new Tally()).ToArray();

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var reader = context.AtomicReader;
            _docBase = context.DocBase;
            _groups = reader.GetSortedDocValues(IndexFields.SubjectGroup);
            _indexOfOrd = [];
            for (var i = 0; _groups is not null && i < keys.Count; i++)
            {
                var ord = _groups.LookupTerm(new BytesRef(keys[i]));
                if (ord >= 0)
                {
                    _indexOfOrd.TryAdd(ord, i);
                }
            }

            _facets = SegmentFacets.Of(reader);
            _subjects = SegmentSubjects.Of(reader);
            _statusBits = NotableStatuses
                .Select(status => filters.Cached(new TermQuery(new Term(IndexFields.Status, status.Code()))).GetDocIdSet(context, null)?.Bits)
                .ToArray();
        }

        public void Collect(int doc)
        {
            if (!_indexOfOrd.TryGetValue(_subjects!.Ords[doc], out var index))
            {
                return;
            }

            var tally = Tallies[index];
            var ord = _facets!.Ords.Length == 0 ? -1 : _facets.Ords[doc];
            var parts = ord < 0 ? [] : _facets.Values[ord];
            if (parts.Length > 0 && parts[0].Length > 0 && DocumentTypeText.TryParseDocumentType(parts[0][0], out var type))
            {
                tally.Counts[type] = tally.Counts.GetValueOrDefault(type) + 1;
                if (type == DocumentType.Subject)
                {
                    tally.RegistryDoc = _docBase + doc;
                }
                else if (type == DocumentType.ListEntry && parts.Length > 1 && parts[1].Length > 0 && DomainText.TryParseListKind(parts[1][0], out var kind))
                {
                    tally.Lists.Add(kind);
                    for (var i = 0; i < NotableStatuses.Length; i++)
                    {
                        if (_statusBits[i]?.Get(doc) == true)
                        {
                            tally.Statuses.Add(NotableStatuses[i]);
                        }
                    }
                }
            }

            // Documents may come out of order (the bucketed scorer): of equal dates the lower document wins, as it did
            // when they came in order.
            var date = _subjects.Dates[doc];
            var global = _docBase + doc;
            if (tally.NewestDoc < 0 || date > tally.NewestDate || (date == tally.NewestDate && global < tally.NewestDoc))
            {
                tally.NewestDate = date;
                tally.NewestDoc = global;
            }
        }
    }
}
