namespace CreditSite.Domain;

/// <summary>The kinds of public credit record (公共信用信息) beside the red/black lists: the two 双公示 kinds and credit
/// commitments. Registry data (基础信息) is a <see cref="RegistrySubject"/>, not a record.</summary>
public enum RecordKind
{
    /// <summary>行政许可.</summary>
    Licence,

    /// <summary>行政处罚.</summary>
    Penalty,

    /// <summary>信用承诺.</summary>
    Commitment,
}

/// <summary>Where a record stands. Each kind allows its own statuses (<see cref="RecordText.StatusesOf"/>); whether a
/// status keeps the record in public view is <see cref="PublicRecord.IsPublicOn"/>.</summary>
public enum RecordStatus
{
    // Penalties and commitments.
    Active,
    Repaired,
    Revoked,
    UnderObjection,

    // Licences (Revoked is shared).
    Valid,
    Cancelled,
    Expired,

    // Commitments.
    Fulfilled,
    Breached,
    Withdrawn,
}

/// <summary>Labels and wire codes of <see cref="RecordKind"/> and <see cref="RecordStatus"/>.</summary>
public static class RecordText
{
    public static readonly IReadOnlyList<RecordKind> AllKinds = [RecordKind.Licence, RecordKind.Penalty, RecordKind.Commitment];

    public static string Label(this RecordKind kind) => kind switch
    {
        RecordKind.Licence => "行政许可",
        RecordKind.Penalty => "行政处罚",
        _ => "信用承诺",
    };

    public static string Code(this RecordKind kind) => kind switch
    {
        RecordKind.Licence => "licence",
        RecordKind.Penalty => "penalty",
        _ => "commitment",
    };

    public static bool TryParseRecordKind(string? code, out RecordKind kind)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "licence": kind = RecordKind.Licence; return true;
            case "penalty": kind = RecordKind.Penalty; return true;
            case "commitment": kind = RecordKind.Commitment; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The statuses an import file may give a record of <paramref name="kind"/>, in the order the issue lists them.</summary>
    public static IReadOnlyList<RecordStatus> StatusesOf(RecordKind kind) => kind switch
    {
        RecordKind.Licence => [RecordStatus.Valid, RecordStatus.Revoked, RecordStatus.Cancelled, RecordStatus.Expired],
        RecordKind.Penalty => [RecordStatus.Active, RecordStatus.Repaired, RecordStatus.Revoked, RecordStatus.UnderObjection],
        _ => [RecordStatus.Active, RecordStatus.Fulfilled, RecordStatus.Breached, RecordStatus.Withdrawn],
    };

    public static string Code(this RecordStatus status) => status switch
    {
        RecordStatus.Active => "active",
        RecordStatus.Repaired => "repaired",
        RecordStatus.Revoked => "revoked",
        RecordStatus.UnderObjection => "under_objection",
        RecordStatus.Valid => "valid",
        RecordStatus.Cancelled => "cancelled",
        RecordStatus.Expired => "expired",
        RecordStatus.Fulfilled => "fulfilled",
        RecordStatus.Breached => "breached",
        _ => "withdrawn",
    };

    /// <summary>The status as a reader of <paramref name="kind"/>'s page would say it (a revoked licence is 已撤销, a
    /// revoked penalty 已撤销 too; an active commitment 履约中).</summary>
    public static string Label(this RecordStatus status, RecordKind kind) => status switch
    {
        RecordStatus.Active => kind == RecordKind.Commitment ? "履约中" : "公示中",
        RecordStatus.Repaired => "已信用修复",
        RecordStatus.Revoked => kind == RecordKind.Licence ? "已撤销" : "已撤销（处罚决定被撤销）",
        RecordStatus.UnderObjection => "异议处理中",
        RecordStatus.Valid => "有效",
        RecordStatus.Cancelled => "已注销",
        RecordStatus.Expired => "已过期",
        RecordStatus.Fulfilled => "已履约",
        RecordStatus.Breached => "已违诺",
        _ => "已撤回",
    };

    public static bool TryParseRecordStatus(RecordKind kind, string? code, out RecordStatus status)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        foreach (var candidate in StatusesOf(kind))
        {
            if (candidate.Code() == trimmed)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Any status's code, whatever the kind (stored columns and index fields).</summary>
    public static bool TryParseRecordStatus(string? code, out RecordStatus status)
    {
        foreach (var candidate in Enum.GetValues<RecordStatus>())
        {
            if (candidate.Code() == code)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
