namespace CreditSite.CreditRepair;

/// <summary>Labels and wire codes of request kinds, statuses and timeline steps.</summary>
public static class RequestText
{
    public static string Code(RequestKind kind) => kind == RequestKind.Repair ? "repair" : "objection";

    public static string Label(this RequestKind kind) => kind == RequestKind.Repair ? "信用修复" : "异议申诉";

    public static RequestKind KindOf(string code) => code switch
    {
        "repair" => RequestKind.Repair,
        "objection" => RequestKind.Objection,
        _ => throw new InvalidOperationException($"The store holds an unknown request kind '{code}'."),
    };

    public static string Code(RequestStatus status) => status.ToString().ToLowerInvariant();

    public static RequestStatus StatusOf(string code) =>
        Enum.TryParse<RequestStatus>(code, ignoreCase: true, out var status) && Code(status) == code
            ? status
            : throw new InvalidOperationException($"The store holds an unknown request status '{code}'.");

    public static string Label(this RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "已提交，待受理",
        RequestStatus.Accepted => "已受理，审核中",
        RequestStatus.Returned => "需补正材料",
        RequestStatus.Approved => "已通过",
        _ => "未通过",
    };

    public static string Code(RequestStep step) => step.ToString().ToLowerInvariant();

    public static RequestStep StepOf(string code) =>
        Enum.TryParse<RequestStep>(code, ignoreCase: true, out var step) && Code(step) == code
            ? step
            : throw new InvalidOperationException($"The store holds an unknown request step '{code}'.");

    public static string Label(this RequestStep step) => step switch
    {
        RequestStep.Submitted => "提交申请",
        RequestStep.Accepted => "受理",
        RequestStep.Returned => "退回补正（暂停计时）",
        RequestStep.Resubmitted => "补正材料已提交（恢复计时）",
        RequestStep.Approved => "决定：通过",
        RequestStep.Rejected => "决定：不予通过",
        _ => "决定已生效",
    };
}
