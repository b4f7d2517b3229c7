using CreditSite.Domain;

namespace CreditSite.Storage;

/// <summary>The columns of <c>list_entries</c> in the order both bulk writers send them.</summary>
internal static class ListEntryColumns
{
    public const int ProgressEvery = 5_000;

    public static readonly string[] Names =
    [
        "entry_id", "list_kind", "subject_type", "subject_name", "uscc", "resident_id_hash", "masked_id_number",
        "subject_key", "field", "issuing_department", "decision_number", "decision_date", "public_until", "severity",
        "legal_basis", "summary", "status", "imported_at", "change_seq",
    ];

    public static readonly string List = string.Join(", ", Names);

    public static readonly string UpdateFromExcluded = string.Join(", ", Names.Skip(1).Select(c => $"{c} = excluded.{c}"));

    public static object?[] Values(ListEntry e, long seq) =>
    [
        e.EntryId, e.Kind.Code(), e.SubjectType.Code(), e.SubjectName, e.Uscc, e.ResidentIdHash, e.MaskedIdNumber,
        e.SubjectKey, e.Field, e.IssuingDepartment, e.DecisionNumber, e.DecisionDate, e.PublicUntil, e.Severity?.Code(),
        e.LegalBasis, e.Summary, e.Status.Code(), e.ImportedAt, seq,
    ];
}
