namespace CreditSite.Import;

/// <summary>The columns of an import file (CSV header names, JSON Lines keys). See docs/import-format.md.</summary>
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

    private static readonly Dictionary<string, int> Ordinals =
        All.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    public static int Count => All.Count;

    /// <summary>The column's position in <see cref="All"/>, or -1 for an unknown name.</summary>
    public static int OrdinalOf(string name) => Ordinals.TryGetValue(name, out var i) ? i : -1;
}

/// <summary>One data row as read from the file: raw text per column (null when the file has no such column), and the
/// line it starts on (a quoted CSV value may span several lines).</summary>
public sealed class ListImportRow(int line, string?[] values)
{
    public int Line { get; } = line;

    public string? this[string column] => values[ListImportColumns.OrdinalOf(column)];

    /// <summary>Trimmed value; empty when missing.</summary>
    public string Value(string column) => (values[ListImportColumns.OrdinalOf(column)] ?? string.Empty).Trim();
}
