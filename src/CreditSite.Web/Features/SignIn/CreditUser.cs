using System.Security.Claims;

namespace CreditSite.Web.Features.SignIn;

/// <summary>The claims the site keeps in its sign-in cookie. A person is known by the keyed hash of the ID number
/// and its masked form only; the number itself never leaves the sign-in handler.</summary>
public static class CreditClaims
{
    public const string Name = "name";
    public const string Role = "role";
    public const string ResidentIdHash = "creditsite:rid_hash";
    public const string MaskedIdNumber = "creditsite:rid_masked";
    public const string Uscc = "creditsite:uscc";
    public const string CompanyName = "creditsite:company";
    public const string Department = "creditsite:department";

    public const string RepresentativeRole = "representative";
    public const string StaffRole = "staff";

    /// <summary>Staff of one department (credit repair and objections desk); the department is <see cref="Department"/>.</summary>
    public const string DepartmentStaffRole = "department_staff";
}

/// <summary>The signed-in user as the reports pages see them.</summary>
public sealed record CreditUser(string Name, string? ResidentIdHash, string? MaskedIdNumber, string? Uscc, string? CompanyName, bool IsStaff)
{
    public bool IsPerson => ResidentIdHash is not null;

    /// <summary>The department a member of department staff works for (谁认定谁修复 desk); null for everyone else.</summary>
    public string? Department { get; init; }

    /// <summary>Acts for the company <see cref="Uscc"/>.</summary>
    public bool IsRepresentative => Uscc is not null;

    /// <summary>Null for an anonymous visitor.</summary>
    public static CreditUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var isRepresentative = principal.IsInRole(CreditClaims.RepresentativeRole);
        return new CreditUser(
            principal.FindFirstValue(CreditClaims.Name) ?? "用户",
            principal.FindFirstValue(CreditClaims.ResidentIdHash),
            principal.FindFirstValue(CreditClaims.MaskedIdNumber),
            isRepresentative ? principal.FindFirstValue(CreditClaims.Uscc) : null,
            isRepresentative ? principal.FindFirstValue(CreditClaims.CompanyName) : null,
            principal.IsInRole(CreditClaims.StaffRole))
        {
            Department = principal.IsInRole(CreditClaims.DepartmentStaffRole) ? principal.FindFirstValue(CreditClaims.Department) : null,
        };
    }

    /// <summary>How the viewer is named in the access record: the person, and the company they act for.</summary>
    public string DisplayName => IsRepresentative ? $"{Name}（{CompanyName}）" : Name;
}
