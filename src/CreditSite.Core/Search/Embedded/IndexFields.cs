using System.Text.Json;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using Lucene.Net.Documents;

namespace CreditSite.Search.Embedded;

/// <summary>The Lucene fields of one <see cref="SearchDocument"/> (written by <see cref="LuceneDocumentBuilder"/>), and the
/// document read back from its stored copy.</summary>
internal static class IndexFields
{
    // Exact keywords (StringField: one term, not analysed).
    public const string Id = "id";
    public const string Type = "type";
    public const string ListKind = "list_kind";
    public const string Field = "field";
    public const string Department = "department";
    public const string SubjectType = "subject_type";
    public const string SubjectKey = "subject_key";
    public const string Status = "status";
    public const string Uscc = "uscc";
    public const string ResidentIdHash = "resident_id_hash";
    public const string EntryId = "entry_id";
    public const string DecisionNumber = "decision_number";
    public const string Category = "category";
    public const string PenaltyType = "penalty_type";

    /// <summary>Present ("1") on public records whose status takes them out of public view.</summary>
    public const string Withdrawn = "withdrawn";

    // Numbers (day numbers since 0001-01-01): trie-encoded for range filters.
    public const string Date = "date";
    public const string PublicUntil = "public_until";

    // Doc values: sorting and facet counting without loading documents.
    public const string DateSort = "date_dv";
    public const string IdSort = "id_dv";
    public const string FacetKey = "facet_key";

    /// <summary>The subject key as a sorted doc value: the group of a document in a search by subject (absent: the
    /// document is a row of its own).</summary>
    public const string SubjectGroup = "subject_dv";

    /// <summary>Separates the dimensions inside <see cref="FacetKey"/>; cannot occur in a code or a name.</summary>
    public const char FacetSeparator = '\u001F';

    /// <summary>Separates the values of a multi-valued dimension (处罚类别) inside its part of <see cref="FacetKey"/>.</summary>
    public const char FacetValueSeparator = '\u001E';

    // Analysed text.
    public const string NameWords = "name_words";
    public const string NameGrams = "name_grams";
    public const string Body = "body";

    // The whole document as JSON, to rebuild it in hits.
    public const string Stored = "doc";

    /// <summary>Facet dimensions, with the wire names of <see cref="SearchFacets"/>.</summary>
    public static readonly IReadOnlyList<string> FacetDimensions =
        ["type", "list_kind", "field", "department", "subject_type", "category", "penalty_type"];

    /// <summary>All facet values of a document in one doc value
    /// ("penalty␟␟食品药品␟市市场监督管理局␟legal_person␟␟罚款␞警告"): counting then reads one value per matching document
    /// instead of seven. A penalty's types are one part, sorted and each named once, so a document counts once per type
    /// and the same set of types is the same combination whatever order the file gave. The combinations are few
    /// (types × kinds × fields × departments × subject types × categories × sets of penalty types that really occur),
    /// so the per-segment count array stays small.</summary>
    public static string FacetKeyOf(SearchDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var penaltyTypes = source.PenaltyTypes is { Count: > 0 } types
            ? string.Join(FacetValueSeparator, types.Select(Clean).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            : string.Empty;
        return string.Join(FacetSeparator,
            source.Type.Code(),
            source.ListKind?.Code() ?? string.Empty,
            Clean(source.Field),
            Clean(source.IssuingDepartment),
            source.SubjectType?.Code() ?? string.Empty,
            Clean(source.Category),
            penaltyTypes);
    }

    private static string Clean(string? value) =>
        value?.Replace(FacetSeparator, ' ').Replace(FacetValueSeparator, ' ') ?? string.Empty;

    public static readonly ISet<string> StoredOnly = new HashSet<string> { Stored };

    public static SearchDocument FromLucene(Document doc)
    {
        var bytes = doc.GetBinaryValue(Stored) ?? throw new InvalidOperationException("Index document without its stored copy.");
        return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(bytes.Bytes, bytes.Offset, bytes.Length), StoredDocumentJson.Default.SearchDocument)
            ?? throw new InvalidOperationException("Index document with an empty stored copy.");
    }

    /// <summary>The title, and the subject's name when the title does not already contain it ("常州恒达建材有限公司（黑名单）"
    /// holds every word and bigram of "常州恒达建材有限公司").</summary>
    internal static IEnumerable<string> Names(SearchDocument source)
    {
        if (!string.IsNullOrWhiteSpace(source.Title))
        {
            yield return source.Title;
        }

        if (!string.IsNullOrWhiteSpace(source.SubjectName) && !source.Title.Contains(source.SubjectName, StringComparison.Ordinal))
        {
            yield return source.SubjectName;
        }

        // 曾用名: a former name finds the subject as its current name does.
        foreach (var former in source.FormerNames ?? [])
        {
            if (!string.IsNullOrWhiteSpace(former))
            {
                yield return former;
            }
        }
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SearchDocument))]
internal sealed partial class StoredDocumentJson : JsonSerializerContext;
