using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Content;

/// <summary>诚信典型: a person or organisation named for honest conduct.</summary>
public sealed record RoleModel : ContentPage
{
    public required string SubjectName { get; init; }

    public required SubjectType SubjectType { get; init; }

    /// <summary>统一社会信用代码 for organisations, validated at load.</summary>
    public UnifiedSocialCreditCode? Uscc { get; init; }

    /// <summary>e.g. 守合同重信用企业, 诚信之星.</summary>
    public required string Category { get; init; }

    /// <summary>The department that named it.</summary>
    public required string AwardedBy { get; init; }

    public override string Url => "/role-models/" + Slug;
}
