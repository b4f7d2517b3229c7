
namespace CreditSite.Domain;

/// <summary>How long one kind of record stays in public view, in months from its decision date: at least
/// <see cref="MinimumMonths"/> (the earliest day credit repair may be applied for) and at most
/// <see cref="MaximumMonths"/> (null: no fixed maximum).</summary>
public sealed record PublicationRange(int MinimumMonths, int? MaximumMonths)
{
    public DateOnly? MaximumUntil(DateOnly decisionDate) =>
        MaximumMonths is { } months ? decisionDate.AddMonths(months) : null;

    public DateOnly RepairableFrom(DateOnly decisionDate) => decisionDate.AddMonths(MinimumMonths);

    /// <summary>"3个月", "1年", "3年".</summary>
    public static string MonthsText(int months) => months % 12 == 0 ? $"{months / 12}年" : $"{months}个月";
}

/// <summary>The publication rule of one record kind (行政处罚, 行政许可, 信用承诺, 红名单, 黑名单): its ranges by
/// severity (or one range for every record of the kind) and the rule it comes from.</summary>
public sealed record PublicationRule
{
    public required string Kind { get; init; }

    public required string Label { get; init; }

    /// <summary>The documents the rule comes from, as the catalogue cites them.</summary>
    public required string Basis { get; init; }

    /// <summary>By severity, for kinds whose period depends on it (penalties, black-list entries).</summary>
    public IReadOnlyDictionary<Severity, PublicationRange> BySeverity { get; init; } = new Dictionary<Severity, PublicationRange>();

    /// <summary>For kinds whose period does not depend on severity; null with no severities means "no fixed period"
    /// (licences are public while valid, red-list entries while the decision stands).</summary>
    public PublicationRange? Range { get; init; }

    /// <summary>Penalties decided under the simplified procedure (简易程序) are published. When false they are kept
    /// (the subject sees them; special reports cover them) but never shown to the public.</summary>
    public bool PublishSimplifiedProcedure { get; init; } = true;

    public PublicationRange? RangeFor(Severity? severity) =>
        severity is { } s && BySeverity.TryGetValue(s, out var range) ? range : Range;
}

/// <summary>公共信用信息目录: the record kinds, the fields (领域), the penalty types and the other code lists, and each
/// kind's publication rule. Read from <c>content/data/catalogue.yaml</c>, so adding a field or changing a period is a
/// data change.</summary>
public sealed class CreditCatalogue
{
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>处罚类别 (《行政处罚法》 (2021) art. 9).</summary>
    public required IReadOnlyList<string> PenaltyTypes { get; init; }

    /// <summary>许可类别.</summary>
    public required IReadOnlyList<string> LicenceCategories { get; init; }

    /// <summary>承诺类型.</summary>
    public required IReadOnlyList<string> CommitmentTypes { get; init; }

    /// <summary>登记状态 of registry records.</summary>
    public required IReadOnlyList<string> RegistryStatuses { get; init; }

    /// <summary>By kind code: <c>licence</c>, <c>penalty</c>, <c>commitment</c>, <c>red</c>, <c>black</c>.</summary>
    public required IReadOnlyDictionary<string, PublicationRule> Rules { get; init; }

    /// <summary>专项信用报告: repaired records and the kinds not held (<c>special_report</c>).</summary>
    public SpecialReportRule SpecialReport { get; init; } = SpecialReportRule.Default;

    public static readonly IReadOnlyList<string> RuleKinds = ["licence", "penalty", "commitment", "red", "black"];

    public PublicationRule RuleOf(RecordKind kind) => Rules[kind.Code()];

    public PublicationRule RuleOf(ListKind kind) => Rules[kind.Code()];

    public bool IsField(string? value) => value is not null && Fields.Contains(value, StringComparer.Ordinal);

    public bool IsPenaltyType(string? value) => value is not null && PenaltyTypes.Contains(value, StringComparer.Ordinal);

    public bool IsLicenceCategory(string? value) => value is not null && LicenceCategories.Contains(value, StringComparer.Ordinal);

    public bool IsCommitmentType(string? value) => value is not null && CommitmentTypes.Contains(value, StringComparer.Ordinal);

    public bool IsRegistryStatus(string? value) => value is not null && RegistryStatuses.Contains(value, StringComparer.Ordinal);

    /// <summary>The earliest day credit repair may be applied for: the decision date plus the minimum period of its
    /// severity. Null for kinds without a minimum (licences, commitments, red lists).</summary>
    public DateOnly? RepairableFrom(PublicRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind == RecordKind.Penalty ? RuleOf(RecordKind.Penalty).RangeFor(record.Severity)?.RepairableFrom(record.DecisionDate) : null;
    }
}
