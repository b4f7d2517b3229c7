using System.Globalization;
using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Web.Features.Records;

/// <summary>How each record kind names its parts on a page, in the words of the national 双公示 data standard: the
/// deciding body is a 处罚机关 for a penalty, a 许可机关 for a licence and a 承诺受理单位 for a commitment.</summary>
public static class RecordWording
{
    public static string DepartmentLabel(RecordKind kind) => kind switch
    {
        RecordKind.Licence => "许可机关",
        RecordKind.Penalty => "处罚机关",
        _ => "承诺受理单位",
    };

    public static string DateLabel(RecordKind kind) => kind switch
    {
        RecordKind.Licence => "许可决定日期",
        RecordKind.Penalty => "处罚决定日期",
        _ => "承诺日期",
    };

    public static string DecisionNumberLabel(RecordKind kind) => kind == RecordKind.Licence ? "行政许可决定文书号" : "行政处罚决定书文号";

    /// <summary>许可类别 or 承诺类型 (penalties have 处罚类别, a list).</summary>
    public static string CategoryLabel(RecordKind kind) => kind == RecordKind.Licence ? "许可类别" : "承诺类型";

    /// <summary>The browse page of a kind, e.g. <c>/records/penalty</c>.</summary>
    public static string ListPath(RecordKind kind) => "/records/" + kind.Code();

    /// <summary>“行政处罚公示”: the heading of a kind's browse page.</summary>
    public static string ListTitle(RecordKind kind) => kind.Label() + "公示";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One line about a record's document for lists (search results, subject sections, browse pages):
    /// decision number, date, deciding body, category or penalty types, status. Each part is (label, value).</summary>
    public static IReadOnlyList<(string Label, string Value)> SummaryOf(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (DocumentTypeText.RecordKindOf(document.Type) is not { } kind)
        {
            return [];
        }

        var parts = new List<(string, string)>();
        if (!string.IsNullOrEmpty(document.DecisionNumber))
        {
            parts.Add((kind == RecordKind.Licence ? "许可文书号" : "决定文号", document.DecisionNumber));
        }

        parts.Add((DateLabel(kind), Date(document.Date)));
        if (!string.IsNullOrEmpty(document.IssuingDepartment))
        {
            parts.Add((DepartmentLabel(kind), document.IssuingDepartment));
        }

        if (kind == RecordKind.Penalty && document.PenaltyTypes is { Count: > 0 } types)
        {
            parts.Add(("处罚类别", string.Join("、", types)));
        }
        else if (kind != RecordKind.Penalty && !string.IsNullOrEmpty(document.Category))
        {
            parts.Add((CategoryLabel(kind), document.Category));
        }

        if (document.RecordStatus is { } status)
        {
            parts.Add(("状态", status.Label(kind)));
        }

        return parts;
    }
}
