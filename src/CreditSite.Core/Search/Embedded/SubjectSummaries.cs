using CreditSite.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>The second pass of a search by subject: for the subjects on the page only, what is in view about each of them
/// today (counts by type, lists, statuses, the registry record and the newest document), read from doc values and
/// cached bit sets, and how many of its documents matched. Stored documents are read for the name only: the registry
/// record's, or the newest document's — one per subject.</summary>
internal static class SubjectSummaries
{
    private static readonly EntryStatus[] NotableStatuses = Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Active).ToArray();

    public static SubjectSummary[] Of(IndexSearcher searcher, IReadOnlyList<string> keys, Query matching, Filter visibility, FilterCache filters)
    {
        var keyQuery = new BooleanQuery(disableCoord: true);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            keyQuery.Add(new TermQuery(new Term(IndexFields.SubjectKey, key)), Occur.SHOULD);
        }

        var visible = new VisibleDocuments(keys, filters);
        searcher.Search(new FilteredQuery(new ConstantScoreQuery(keyQuery), visibility, AlwaysRandomAccess.Instance), visible);

        var matched = new MatchedDocuments(keys);
        var bothQuery = new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(keyQuery), Occur.MUST },
            { matching, Occur.MUST },
        };
        searcher.Search(bothQuery, matched);

        var summaries = new SubjectSummary[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var tally = visible.Tallies[i];
            var source = tally.RegistryDoc >= 0 ? tally.RegistryDoc : tally.NewestDoc;
            var document = source >= 0 ? IndexFields.FromLucene(searcher.Doc(source, IndexFields.StoredOnly)) : null;
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
                MatchedDocuments = matched.Counts[i],
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
        public long NewestDate { get; set; } = long.MinValue;
    }

    /// <summary>The index of the page's subject a document is about, by its segment's ordinal of the subject key.</summary>
    private abstract class ByPageSubject(IReadOnlyList<string> keys) : ICollector
    {
        private SortedDocValues? _groups;
        private Dictionary<int, int> _indexOfOrd = [];

        protected int DocBase { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public virtual void SetNextReader(AtomicReaderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            DocBase = context.DocBase;
            _groups = context.AtomicReader.GetSortedDocValues(IndexFields.SubjectGroup);
            _indexOfOrd = [];
            for (var i = 0; _groups is not null && i < keys.Count; i++)
            {
                var ord = _groups.LookupTerm(new BytesRef(keys[i]));
                if (ord >= 0)
                {
                    _indexOfOrd.TryAdd((int)ord, i);
                }
            }
        }

        public void Collect(int doc)
        {
            if (_groups is not null && _indexOfOrd.TryGetValue(_groups.GetOrd(doc), out var index))
            {
                Collect(doc, index);
            }
        }

        protected abstract void Collect(int doc, int index);
    }

    private sealed class MatchedDocuments(IReadOnlyList<string> keys) : ByPageSubject(keys)
    {
        public int[] Counts { get; } = new int[keys.Count];

        protected override void Collect(int doc, int index) => Counts[index]++;
    }

    private sealed class VisibleDocuments(IReadOnlyList<string> keys, FilterCache filters) : ByPageSubject(keys)
    {
        private SegmentFacets? _facets;
        private NumericDocValues? _dates;
        private IBits?[] _statusBits = [];

        public Tally[] Tallies { get; } = keys.Select(_ => new Tally()).ToArray();

        public override void SetNextReader(AtomicReaderContext context)
        {
            base.SetNextReader(context);
            _facets = SegmentFacets.Of(context.AtomicReader);
            _dates = context.AtomicReader.GetNumericDocValues(IndexFields.DateSort);
            _statusBits = NotableStatuses
                .Select(status => filters.Cached(new TermQuery(new Term(IndexFields.Status, status.Code()))).GetDocIdSet(context, null)?.Bits)
                .ToArray();
        }

        protected override void Collect(int doc, int index)
        {
            var tally = Tallies[index];
            var ord = _facets!.Ords.Length == 0 ? -1 : _facets.Ords[doc];
            var parts = ord < 0 ? [] : _facets.Values[ord];
            if (parts.Length > 0 && parts[0].Length > 0 && DocumentTypeText.TryParseDocumentType(parts[0][0], out var type))
            {
                tally.Counts[type] = tally.Counts.GetValueOrDefault(type) + 1;
                if (type == DocumentType.Subject)
                {
                    tally.RegistryDoc = DocBase + doc;
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

            var date = _dates?.Get(doc) ?? long.MinValue;
            if (date > tally.NewestDate || tally.NewestDoc < 0)
            {
                tally.NewestDate = date;
                tally.NewestDoc = DocBase + doc;
            }
        }
    }
}
