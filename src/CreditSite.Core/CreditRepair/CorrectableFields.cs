using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>The fields of a record an objection may name and a department may correct, by code, with their labels.
/// Only text fields: dates and the subject decide publication and identity, and are corrected by re-issuing the record.
/// A black-list entry has four of them (no 违法事实 or 违法行为类型; its 决定内容 is the entry's summary, its basis is the
/// 认定依据).</summary>
public static class CorrectableFields
{
    private sealed record Field(
        string Label, Func<PublicRecord, string?> Read, Action<PublicRecord, string> Write,
        Func<ListEntry, string>? ReadEntry = null, Action<ListEntry, string>? WriteEntry = null, string? EntryLabel = null);

    private static readonly Dictionary<string, Field> Fields = new(StringComparer.Ordinal)
    {
        ["decision_number"] = new("决定文书号", r => r.DecisionNumber, (r, v) => r.DecisionNumber = v, e => e.DecisionNumber, (e, v) => e.DecisionNumber = v),
        ["content"] = new("决定内容", r => r.Content, (r, v) => r.Content = v, e => e.Summary, (e, v) => e.Summary = v, "失信行为（决定内容）"),
        ["facts"] = new("违法事实", r => r.Facts, (r, v) => r.Facts = v),
        ["legal_basis"] = new("处罚依据", r => r.LegalBasis, (r, v) => r.LegalBasis = v, e => e.LegalBasis, (e, v) => e.LegalBasis = v, "认定依据"),
        ["violation_type"] = new("违法行为类型", r => r.ViolationType, (r, v) => r.ViolationType = v),
        ["subject_name"] = new("主体名称", r => r.SubjectName, (r, v) => r.SubjectName = v, e => e.SubjectName, (e, v) => e.SubjectName = v),
    };

    private static readonly IReadOnlyList<string> EntryCodes = [.. Fields.Where(f => f.Value.ReadEntry is not null).Select(f => f.Key)];

    public static IReadOnlyList<string> Codes { get; } = [.. Fields.Keys];

    /// <summary>The codes a record of <paramref name="kind"/> has.</summary>
    public static IReadOnlyList<string> CodesOf(RequestRecordKind kind) => kind == RequestRecordKind.BlackList ? EntryCodes : Codes;

    public static bool IsKnown(string? code) => code is not null && Fields.ContainsKey(code);

    public static bool IsKnown(RequestRecordKind kind, string? code) => code is not null && CodesOf(kind).Contains(code, StringComparer.Ordinal);

    public static string Label(string code) => Fields.TryGetValue(code, out var field) ? field.Label : code;

    public static string Label(RequestRecordKind kind, string code) =>
        kind == RequestRecordKind.BlackList && Fields.TryGetValue(code, out var field) && field.EntryLabel is { } label ? label : Label(code);

    public static string Read(PublicRecord record, string code) => Fields[code].Read(record) ?? string.Empty;

    public static void Write(PublicRecord record, string code, string value) => Fields[code].Write(record, value);

    public static string Read(ListEntry entry, string code) => Fields[code].ReadEntry?.Invoke(entry) ?? string.Empty;

    public static void Write(ListEntry entry, string code, string value) =>
        (Fields[code].WriteEntry ?? throw new ArgumentOutOfRangeException(nameof(code), code, "A list entry has no such field."))(entry, value);

    public static string Read(RequestedRecord record, string code)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Read(code);
    }
}
