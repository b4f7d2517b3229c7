using CreditSite.Domain;

namespace CreditSite.Import;

/// <summary>What an import file holds: list entries (the default, 红黑名单), one kind of public record, or registry
/// records (基础信息).</summary>
public enum ImportKind
{
    List,
    Licence,
    Penalty,
    Commitment,
    Subject,
}

public static class ImportKindText
{
    public static readonly IReadOnlyList<ImportKind> All = Enum.GetValues<ImportKind>();

    /// <summary>The value of <c>--kind</c>.</summary>
    public static string Code(this ImportKind kind) => kind switch
    {
        ImportKind.List => "list",
        ImportKind.Licence => "licence",
        ImportKind.Penalty => "penalty",
        ImportKind.Commitment => "commitment",
        _ => "subject",
    };

    /// <summary>What the file holds, as an operator reads it.</summary>
    public static string Label(this ImportKind kind) => kind switch
    {
        ImportKind.List => "红黑名单条目",
        ImportKind.Licence => "行政许可",
        ImportKind.Penalty => "行政处罚",
        ImportKind.Commitment => "信用承诺",
        _ => "基础信息",
    };

    public static bool TryParse(string? code, out ImportKind kind)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (candidate.Code() == trimmed)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>"list（红黑名单条目，默认）、licence（行政许可）… 或 subject（…）", for messages.</summary>
    public static string Choices()
    {
        var choices = All.Select(k => k == ImportKind.List ? $"{k.Code()}（{k.Label()}，默认）" : $"{k.Code()}（{k.Label()}）").ToList();
        return string.Join("、", choices[..^1]) + "或 " + choices[^1];
    }

    /// <summary>The record kind of <paramref name="kind"/>; null for list entries and registry records.</summary>
    public static RecordKind? RecordKindOf(this ImportKind kind) => kind switch
    {
        ImportKind.Licence => RecordKind.Licence,
        ImportKind.Penalty => RecordKind.Penalty,
        ImportKind.Commitment => RecordKind.Commitment,
        _ => null,
    };
}
