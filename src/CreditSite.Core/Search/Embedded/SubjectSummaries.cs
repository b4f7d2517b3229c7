using CreditSite.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>The second pass of a search by subject: for the subjects on the page only, what is in view about each of them
/// today (counts by type, lists, statuses, the registry record and the newest document), read from each subject's
/// documents (<see cref="SubjectDocuments"/>), doc values and cached bit sets. Stored documents are read for the name
/// only: the registry record's, or the newest document's — one per subject.</summary>
internal static class SubjectSummaries
{
    private static readonly EntryStatus[] NotableStatuses = Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Active).ToArray();

    /// <summary>Summaries of the subjects <paramref name="subjects"/> (global ordinals; keys <paramref name="keys"/>), which
    /// have <paramref name="matched"/> matching documents; <paramref name="loaded"/> are stored documents already read
    /// (the page's hits), by document number.</summary>
    public static SubjectSummary[] Of(IndexSearcher searcher, SubjectDocuments documents, IReadOnlyList<int> subjects, IReadOnlyList<string> keys,
        IReadOnlyList<int> matched, IReadOnlyDictionary<int, SearchDocument> loaded, Filter visibility, FilterCache filters)
    {
        var leaves = searcher.IndexReader.Leaves;
        var segments = new Segment?[leaves.Count];
        var summaries = new SubjectSummary[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var tally = new Tally();
            foreach (var global in documents.Of(subjects[i]))
            {
                var leaf = ReaderUtil.SubIndex(global, leaves);
                var segment = segments[leaf] ??= new Segment(leaves[leaf], visibility, filters);
                segment.Count(tally, global - leaves[leaf].DocBase, global);
            }

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

    /// <summary>What one segment says of its documents: in view today, type and list (facet values), date, statuses.</summary>
    private sealed class Segment
    {
        private readonly IBits? _visible;
        private readonly SegmentFacets _facets;
        private readonly SegmentSubjects _subjects;
        private readonly IBits?[] _statusBits;

        public Segment(AtomicReaderContext context, Filter visibility, FilterCache filters)
        {
            var visible = visibility.GetDocIdSet(context, null);
            _visible = visible is null ? new Bits.MatchNoBits(context.AtomicReader.MaxDoc) : visible.Bits ?? AllOfFilter.ToBits(visible, context.AtomicReader.MaxDoc);
            _facets = SegmentFacets.Of(context.AtomicReader);
            _subjects = SegmentSubjects.Of(context.AtomicReader);
            _statusBits = NotableStatuses
                .Select(status => filters.Cached(new TermQuery(new Term(IndexFields.Status, status.Code()))).GetDocIdSet(context, null)?.Bits)
                .ToArray();
        }

        public void Count(Tally tally, int doc, int global)
        {
            if (_visible?.Get(doc) != true)
            {
                return;
            }

            var ord = _facets.Ords.Length == 0 ? -1 : _facets.Ords[doc];
            var parts = ord < 0 ? [] : _facets.Values[ord];
            if (parts.Length > 0 && parts[0].Length > 0 && DocumentTypeText.TryParseDocumentType(parts[0][0], out var type))
            {
                tally.Counts[type] = tally.Counts.GetValueOrDefault(type) + 1;
                if (type == DocumentType.Subject)
                {
                    tally.RegistryDoc = global;
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

            // Documents come in index order: of equal dates the lower document wins.
            var date = _subjects.Dates[doc];
            if (tally.NewestDoc < 0 || date > tally.NewestDate)
            {
                tally.NewestDate = date;
                tally.NewestDoc = global;
            }
        }
    }
}
