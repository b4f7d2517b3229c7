using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>What kind of record a request is about: one of the public records (<see cref="RecordKind"/>: 行政许可,
/// 行政处罚, 信用承诺) or a black-list entry (黑名单条目, <c>list_entries</c>). Red-list entries are not negative, so no
/// request is about them.</summary>
public enum RequestRecordKind
{
    Licence,
    Penalty,
    Commitment,
    BlackList,
}

/// <summary>Wire codes (the public record kinds' own, and <c>black</c>) and labels of <see cref="RequestRecordKind"/>.</summary>
public static class RequestRecordKinds
{
    public const string BlackListCode = "black";

    public static RequestRecordKind ForRequest(this RecordKind kind) => kind switch
    {
        RecordKind.Licence => RequestRecordKind.Licence,
        RecordKind.Penalty => RequestRecordKind.Penalty,
        _ => RequestRecordKind.Commitment,
    };

    /// <summary>The public record kind, or null for a black-list entry.</summary>
    public static RecordKind? PublicKind(this RequestRecordKind kind) => kind switch
    {
        RequestRecordKind.Licence => RecordKind.Licence,
        RequestRecordKind.Penalty => RecordKind.Penalty,
        RequestRecordKind.Commitment => RecordKind.Commitment,
        _ => null,
    };

    public static string Code(this RequestRecordKind kind) => kind.PublicKind()?.Code() ?? BlackListCode;

    public static string Label(this RequestRecordKind kind) => kind.PublicKind()?.Label() ?? ListKind.Black.Label();

    public static bool TryParse(string? code, out RequestRecordKind kind)
    {
        if (RecordText.TryParseRecordKind(code, out var recordKind))
        {
            kind = recordKind.ForRequest();
            return true;
        }

        kind = RequestRecordKind.BlackList;
        return string.Equals(code?.Trim(), BlackListCode, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A stored code; the store never holds another.</summary>
    public static RequestRecordKind Of(string code) =>
        TryParse(code, out var kind) ? kind : throw new InvalidOperationException($"The store holds an unknown record kind '{code}'.");
}
