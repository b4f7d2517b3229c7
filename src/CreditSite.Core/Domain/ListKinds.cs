namespace CreditSite.Domain;

/// <summary>红名单 (守信激励) / 黑名单 (失信惩戒).</summary>
public enum ListKind
{
    Red,
    Black,
}

/// <summary>信用主体的类型: 法人, 自然人, 个体工商户, 其他组织.</summary>
public enum SubjectType
{
    LegalPerson,
    NaturalPerson,
    OtherOrganization,
    IndividualBusiness,
}

/// <summary>失信程度 of a black-list entry.</summary>
public enum Severity
{
    Minor,
    General,
    Serious,
}

/// <summary>Where an entry stands. Only <see cref="Active"/> and <see cref="UnderObjection"/> are in public view.</summary>
public enum EntryStatus
{
    Active,
    Exited,
    Repaired,
    UnderObjection,
}

public static class DomainText
{
    public static string Label(this ListKind kind) => kind == ListKind.Red ? "红名单" : "黑名单";

    public static string Label(this SubjectType type) => type switch
    {
        SubjectType.LegalPerson => "法人",
        SubjectType.NaturalPerson => "自然人",
        SubjectType.IndividualBusiness => "个体工商户",
        _ => "其他组织",
    };

    public static string Label(this Severity severity) => severity switch
    {
        Severity.Minor => "轻微",
        Severity.General => "一般",
        _ => "严重",
    };

    public static string Label(this EntryStatus status) => status switch
    {
        EntryStatus.Active => "公示中",
        EntryStatus.Exited => "已退出",
        EntryStatus.Repaired => "已信用修复",
        _ => "异议处理中",
    };

    /// <summary>Wire names used in import files, query strings and the JSON API.</summary>
    public static string Code(this ListKind kind) => kind == ListKind.Red ? "red" : "black";

    public static string Code(this SubjectType type) => type switch
    {
        SubjectType.LegalPerson => "legal_person",
        SubjectType.NaturalPerson => "natural_person",
        SubjectType.IndividualBusiness => "individual_business",
        _ => "other_org",
    };

    public static string Code(this Severity severity) => severity switch
    {
        Severity.Minor => "minor",
        Severity.General => "general",
        _ => "serious",
    };

    public static string Code(this EntryStatus status) => status switch
    {
        EntryStatus.Active => "active",
        EntryStatus.Exited => "exited",
        EntryStatus.Repaired => "repaired",
        _ => "under_objection",
    };

    public static bool TryParseListKind(string? code, out ListKind kind)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "red": kind = ListKind.Red; return true;
            case "black": kind = ListKind.Black; return true;
            default: kind = default; return false;
        }
    }

    public static bool TryParseSubjectType(string? code, out SubjectType type)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "legal_person": type = SubjectType.LegalPerson; return true;
            case "natural_person": type = SubjectType.NaturalPerson; return true;
            case "other_org": type = SubjectType.OtherOrganization; return true;
            case "individual_business": type = SubjectType.IndividualBusiness; return true;
            default: type = default; return false;
        }
    }

    public static bool TryParseSeverity(string? code, out Severity severity)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "minor": severity = Severity.Minor; return true;
            case "general": severity = Severity.General; return true;
            case "serious": severity = Severity.Serious; return true;
            default: severity = default; return false;
        }
    }

    public static bool TryParseStatus(string? code, out EntryStatus status)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "active": status = EntryStatus.Active; return true;
            case "exited": status = EntryStatus.Exited; return true;
            case "repaired": status = EntryStatus.Repaired; return true;
            case "under_objection": status = EntryStatus.UnderObjection; return true;
            default: status = default; return false;
        }
    }
}
