using CreditSite.Domain;

namespace CreditSite.Reports;

/// <summary>How a report words a public record (行政许可, 行政处罚, 信用承诺) and the registry record, one source for the
/// page and the PDF so the two say the same.</summary>
public static class ReportRecordText
{
    /// <summary>The tag before a record: 行政许可, 行政处罚 or 信用承诺.</summary>
    public static string Tag(ReportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RecordKind?.Label() ?? string.Empty;
    }

    /// <summary>What the record is and who decided it, e.g. <c>罚款、警告 · 市市场监督管理局</c>.</summary>
    public static string Heading(ReportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var what = item.RecordKind == RecordKind.Penalty && item.PenaltyTypes is { Count: > 0 } types ? string.Join("、", types) : item.Category;
        return string.IsNullOrEmpty(what) ? item.IssuingDepartment ?? string.Empty : $"{what} · {item.IssuingDepartment}";
    }

    /// <summary>The record's facts as label and value, in print order, dates written by <paramref name="date"/>; empty
    /// values left out.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(ReportItem item, Func<DateOnly, string> date)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(date);
        var kind = item.RecordKind ?? RecordKind.Penalty;
        var facts = new List<(string, string?)>();
        switch (kind)
        {
            case RecordKind.Licence:
                facts.Add(("许可决定文书号", item.DecisionNumber));
                facts.Add(("许可类别", item.Category));
                facts.Add(("许可机关", item.IssuingDepartment));
                facts.Add(("许可决定日期", date(item.Date)));
                facts.Add(("有效期至", item.PublicUntil is { } validTo ? date(validTo) : null));
                facts.Add(("许可状态", item.RecordStatus?.Label(kind)));
                facts.Add(("许可内容", item.Summary));
                break;
            case RecordKind.Penalty:
                facts.Add(("处罚决定书文号", item.DecisionNumber));
                facts.Add(("处罚类别", item.PenaltyTypes is { Count: > 0 } types ? string.Join("、", types) : null));
                facts.Add(("处罚机关", item.IssuingDepartment));
                facts.Add(("处罚决定日期", date(item.Date)));
                facts.Add(("公示截止", item.PublicUntil is { } until ? date(until) : null));
                facts.Add(("处罚依据", item.LegalBasis));
                facts.Add(("处罚内容", item.Summary));
                break;
            default:
                facts.Add(("承诺类型", item.Category));
                facts.Add(("承诺受理单位", item.IssuingDepartment));
                facts.Add(("承诺日期", date(item.Date)));
                facts.Add(("公示截止", item.PublicUntil is { } end ? date(end) : null));
                facts.Add(("履约状态", item.RecordStatus?.Label(kind)));
                facts.Add(("承诺内容", item.Summary));
                break;
        }

        return facts.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => (f.Item1, f.Item2!)).ToList();
    }

    /// <summary>基础信息 from the registry, as label and value; empty values left out.</summary>
    public static IReadOnlyList<(string Label, string Value)> Registration(ReportRegistration registration, Func<DateOnly, string> date)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(date);
        (string, string?)[] facts =
        [
            ("曾用名", registration.FormerNames.Count == 0 ? null : string.Join("；", registration.FormerNames)),
            ("市场主体类型", registration.EntityType),
            ("法定代表人（负责人）", registration.LegalRepresentative),
            ("成立日期", registration.RegisteredOn is { } on ? date(on) : null),
            ("登记机关", registration.RegistrationAuthority),
            ("住所", registration.Address),
            ("登记状态", registration.Status),
        ];
        return facts.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => (f.Item1, f.Item2!)).ToList();
    }
}
