using System.Text;
using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Indexing;

/// <summary>The projection of a stored list entry into the search index. It carries the keyed hash and the masked
/// form of a person's ID number, never the number.</summary>
public static class ListEntryDocuments
{
    public const string IdPrefix = "entry:";

    public static string DocumentId(string entryId) => IdPrefix + entryId;

    public static SearchDocument ToSearchDocument(ListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var body = new StringBuilder(entry.Summary.Length + entry.LegalBasis.Length + 128);
        AppendPart(body, entry.Summary);
        AppendPart(body, entry.LegalBasis);
        AppendPart(body, entry.DecisionNumber);
        AppendPart(body, entry.IssuingDepartment);
        AppendPart(body, entry.Field);
        AppendPart(body, entry.MaskedIdNumber);

        return new SearchDocument
        {
            Id = DocumentId(entry.EntryId),
            Type = DocumentType.ListEntry,
            Title = $"{entry.SubjectName}（{entry.Kind.Label()}）",
            Body = body.ToString(),
            Url = "/subjects/" + entry.SubjectKey,
            Date = entry.DecisionDate,
            EntryId = entry.EntryId,
            ListKind = entry.Kind,
            SubjectType = entry.SubjectType,
            SubjectName = entry.SubjectName,
            SubjectKey = entry.SubjectKey,
            Uscc = entry.Uscc,
            ResidentIdHash = entry.ResidentIdHash,
            MaskedIdNumber = entry.MaskedIdNumber,
            Field = entry.Field,
            IssuingDepartment = entry.IssuingDepartment,
            DecisionNumber = entry.DecisionNumber,
            PublicUntil = entry.PublicUntil,
            Severity = entry.Severity,
            Status = entry.Status,
            LegalBasis = entry.LegalBasis,
            Summary = string.IsNullOrWhiteSpace(entry.Summary) ? null : entry.Summary,
        };
    }

    /// <summary>Adds a non-blank part to a document body, one part a line (shared with <see cref="RecordDocuments"/>).</summary>
    internal static void AppendPart(StringBuilder body, string? part)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }

        if (body.Length > 0)
        {
            body.Append('\n');
        }

        body.Append(part);
    }
}
