using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>The fields of a record an objection may name and a department may correct, by code, with their labels.
/// Only text fields: dates and the subject decide publication and identity, and are corrected by re-issuing the record.</summary>
public static class CorrectableFields
{
    private sealed record Field(string Label, Func<PublicRecord, string?> Read, Action<PublicRecord, string> Write);

    private static readonly Dictionary<string, Field> Fields = new(StringComparer.Ordinal)
    {
        ["decision_number"] = new("决定文书号", r => r.DecisionNumber, (r, v) => r.DecisionNumber = v),
        ["content"] = new("决定内容", r => r.Content, (r, v) => r.Content = v),
        ["facts"] = new("违法事实", r => r.Facts, (r, v) => r.Facts = v),
        ["legal_basis"] = new("处罚依据", r => r.LegalBasis, (r, v) => r.LegalBasis = v),
        ["violation_type"] = new("违法行为类型", r => r.ViolationType, (r, v) => r.ViolationType = v),
        ["subject_name"] = new("主体名称", r => r.SubjectName, (r, v) => r.SubjectName = v),
    };

    public static IReadOnlyList<string> Codes { get; } = [.. Fields.Keys];

    public static bool IsKnown(string? code) => code is not null && Fields.ContainsKey(code);

    public static string Label(string code) => Fields.TryGetValue(code, out var field) ? field.Label : code;

    public static string Read(PublicRecord record, string code) => Fields[code].Read(record) ?? string.Empty;

    public static void Write(PublicRecord record, string code, string value) => Fields[code].Write(record, value);
}
