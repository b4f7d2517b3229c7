namespace CreditSite.Web.Features.SignIn;

/// <summary><c>Authentication:Oidc</c>: the real-name identity provider the site signs people in with, and the names
/// of the claims it issues. With no <see cref="Authority"/>, Development and Testing use the local provider under
/// <c>/local-idp/</c>; Production refuses to start without one.</summary>
public sealed class OidcSignInOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>Issuer URL, e.g. the province's real-name identity provider; its discovery document is fetched from
    /// <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "creditsite-web";

    /// <summary>From a secret store in production (<c>Authentication__Oidc__ClientSecret</c>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public string Scopes { get; set; } = "profile";

    /// <summary>Ask the provider's userinfo endpoint for claims the ID token lacks.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public string NameClaim { get; set; } = "name";

    /// <summary>The person's resident ID number. Turned into the keyed hash and masked form at sign-in, then dropped.</summary>
    public string ResidentIdClaim { get; set; } = "resident_id";

    /// <summary>The USCC of the company a business representative acts for.</summary>
    public string UsccClaim { get; set; } = "uscc";

    public string CompanyNameClaim { get; set; } = "company_name";

    public string RoleClaim { get; set; } = "role";

    /// <summary>Role value the provider gives a company's authorised representative (法定代表人或经办人).</summary>
    public string RepresentativeRole { get; set; } = "enterprise_representative";

    /// <summary>Role value for credit office staff.</summary>
    public string StaffRole { get; set; } = "staff";

    /// <summary>Role value for staff of one department (the credit repair desk); their department is in <see cref="DepartmentClaim"/>.</summary>
    public string DepartmentStaffRole { get; set; } = "department_staff";

    /// <summary>Claim naming a department staff member's department, as the records name it (处罚机关).</summary>
    public string DepartmentClaim { get; set; } = "department";

    /// <summary>Uses the provider that ships with the site (<c>/local-idp/</c>). Only Development and Testing allow it.</summary>
    public bool UseLocalProvider => string.IsNullOrWhiteSpace(Authority);
}
