namespace CreditSite.Content;

/// <summary>One of the 29 类重点人群 of attachment 3, with the departments that lead its credit work.</summary>
public sealed record KeyOccupationalGroup(
    int Number,
    string Name,
    IReadOnlyList<string> LeadDepartments,
    IReadOnlyList<string> CooperatingDepartments)
{
    /// <summary>The number of groups attachment 3 lists; the data file must hold exactly these.</summary>
    public const int Count = 29;
}
