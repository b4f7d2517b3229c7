namespace CreditSite.Import;

/// <summary>The columns of a list-entry import file (CSV header names, JSON Lines keys). See docs/import-format.md.</summary>
public static class ListImportColumns
{
    public const string EntryId = "entry_id";
    public const string ListKind = "list_kind";
    public const string SubjectType = "subject_type";
    public const string SubjectName = "subject_name";
    public const string Uscc = "uscc";
    public const string IdNumber = "id_number";
    public const string Field = "field";
    public const string IssuingDepartment = "issuing_department";
    public const string DecisionNumber = "decision_number";
    public const string DecisionDate = "decision_date";
    public const string PublicUntil = "public_until";
    public const string Severity = "severity";
    public const string LegalBasis = "legal_basis";
    public const string Summary = "summary";
    public const string Status = "status";

    /// <summary>In the order the demo data and the example files use.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        EntryId, ListKind, SubjectType, SubjectName, Uscc, IdNumber, Field, IssuingDepartment, DecisionNumber,
        DecisionDate, PublicUntil, Severity, LegalBasis, Summary, Status,
    ];

    /// <summary>A CSV header must name these; the others may be left out when a file has no values for them.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        EntryId, ListKind, SubjectType, SubjectName, Field, IssuingDepartment, DecisionNumber, DecisionDate, PublicUntil, Status,
    ];

    /// <summary>The same columns as one <see cref="ImportColumns"/>, for the file reader.</summary>
    public static readonly ImportColumns Set = new(EntryId, All, Required);

    public static int Count => All.Count;

    /// <summary>The column's position in <see cref="All"/>, or -1 for an unknown name.</summary>
    public static int OrdinalOf(string name) => Set.OrdinalOf(name);
}
