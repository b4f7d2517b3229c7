namespace CreditSite.Domain;

/// <summary>展示期限: how long a decision may stay in public view, counted from its decision date
/// (national rules in force from 2025–2026; DESIGN.md).</summary>
public static class PublicationPeriod
{
    /// <summary>The latest allowed <c>public_until</c> for an entry, or null when there is no fixed maximum
    /// (red-list entries follow the decision itself).</summary>
    public static DateOnly? Maximum(ListKind kind, Severity? severity, DateOnly decisionDate) =>
        kind == ListKind.Red
            ? null
            : severity switch
            {
                Severity.Minor => decisionDate.AddMonths(3),
                Severity.General => decisionDate.AddYears(1),
                _ => decisionDate.AddYears(3),
            };

    /// <summary>The earliest date from which credit repair (信用修复) may be applied for.</summary>
    public static DateOnly RepairableFrom(Severity severity, DateOnly decisionDate) => severity switch
    {
        Severity.Minor => decisionDate,
        Severity.General => decisionDate.AddMonths(3),
        _ => decisionDate.AddYears(1),
    };

    public static string MaximumText(Severity severity) => severity switch
    {
        Severity.Minor => "3个月",
        Severity.General => "1年",
        _ => "3年",
    };
}
