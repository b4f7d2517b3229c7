using System.Text.Json.Serialization;

namespace CreditSite.Reports.Special;

/// <summary>One record found in the period: a penalty (行政处罚, including those under the simplified procedure) or a
/// serious-dishonesty list entry (严重失信主体名单).</summary>
public sealed record SpecialReportRecord
{
    /// <summary>行政处罚 or 严重失信主体名单.</summary>
    public required string Kind { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly Date { get; init; }
    public required string Department { get; init; }
    public required string Content { get; init; }

    /// <summary>The record's status in words (公示中, 异议处理中, 已退出, 已信用修复 …).</summary>
    public required string Status { get; init; }
    public bool SimplifiedProcedure { get; init; }
    public bool Repaired { get; init; }
}

/// <summary>One chosen field and what the period holds in it.</summary>
public sealed record SpecialReportField(string Field, IReadOnlyList<SpecialReportRecord> Records, string Conclusion);

/// <summary>A dataset the report drew on, with its data cut-off (数据截止时间: the last import that wrote it).</summary>
public sealed record SpecialReportDataset(string Name, DateTimeOffset? LastImported, long Count)
{
    /// <summary>A dataset nothing was ever imported into is not “consulted”: the report must not conclude from it.</summary>
    [JsonIgnore]
    public bool Held => Count > 0;
}

/// <summary>What a special credit report says, frozen at issue time and stored with it as JSON.</summary>
public sealed record SpecialReportContent
{
    public const string Title = "专项信用报告（替代有无违法违规记录证明）";

    /// <summary>The sentence for a field with nothing found, when every dataset was held.</summary>
    public const string CleanConclusion = "查询期间内未发现行政处罚、严重失信主体名单等违法违规记录";

    public required ReportKind SubjectKind { get; init; }
    public required string SubjectName { get; init; }
    public string? Uscc { get; init; }
    public string? MaskedIdNumber { get; init; }

    /// <summary>登记状态 from the registry record, or null when the platform holds none.</summary>
    public string? RegistryStatus { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public bool AllFields { get; init; }

    /// <summary>The moment the store was read.</summary>
    public required DateTimeOffset AsOf { get; init; }
    public required IReadOnlyList<SpecialReportField> Results { get; init; }

    /// <summary>Records in the period that name no field: shown whatever fields were chosen, since they could belong
    /// to any of them.</summary>
    public IReadOnlyList<SpecialReportRecord> WithoutField { get; init; } = [];
    public required IReadOnlyList<SpecialReportDataset> Datasets { get; init; }

    /// <summary>Kinds of record the platform does not hold, each with where to ask instead.</summary>
    public required IReadOnlyList<string> NotHeld { get; init; }

    /// <summary>How repaired records were treated, and the rule's source.</summary>
    public required string RepairRule { get; init; }

    [JsonIgnore]
    public SpecialReportScope Scope => new(From, To, Fields, AllFields);

    [JsonIgnore]
    public int RecordCount => Results.Sum(r => r.Records.Count) + WithoutField.Count;
}
