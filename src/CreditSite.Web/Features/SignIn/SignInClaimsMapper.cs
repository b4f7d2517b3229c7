using System.Security.Claims;
using CreditSite.Identifiers;

namespace CreditSite.Web.Features.SignIn;

/// <summary>Turns the provider's claims into the site's: name; for a person, the resident ID number becomes its keyed
/// hash and masked form (the number is dropped here and never reaches the cookie, the database or a log); for a
/// business representative, the USCC and the role; staff get the staff role. Everything else is left behind.</summary>
public sealed class SignInClaimsMapper(OidcSignInOptions options, ResidentIdHasher hasher)
{
    public const string AuthenticationType = "creditsite-oidc";

    /// <summary>The site's principal, or a Chinese reason why the provider's claims cannot sign anyone in.</summary>
    public (ClaimsPrincipal? Principal, string? Error) Map(ClaimsPrincipal provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var name = provider.FindFirstValue(options.NameClaim);
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, SignInFailures.NoName);
        }

        var identity = new ClaimsIdentity(AuthenticationType, CreditClaims.Name, CreditClaims.Role);
        identity.AddClaim(new Claim(CreditClaims.Name, name.Trim()));

        var residentId = provider.FindFirstValue(options.ResidentIdClaim);
        if (!string.IsNullOrWhiteSpace(residentId))
        {
            var parsed = ResidentIdNumber.Parse(residentId);
            if (!parsed.IsValid)
            {
                // The message names the failed rule; the number itself is not repeated.
                return (null, SignInFailures.InvalidResidentId);
            }

            identity.AddClaim(new Claim(CreditClaims.ResidentIdHash, hasher.Hash(parsed.Value!.Value)));
            identity.AddClaim(new Claim(CreditClaims.MaskedIdNumber, parsed.Value!.Value.Masked));
        }

        var roles = provider.FindAll(options.RoleClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        if (roles.Contains(options.RepresentativeRole))
        {
            var code = UnifiedSocialCreditCode.Parse(provider.FindFirstValue(options.UsccClaim));
            if (!code.IsValid)
            {
                return (null, SignInFailures.InvalidUscc);
            }

            identity.AddClaim(new Claim(CreditClaims.Uscc, code.Value!.Value.Value));
            identity.AddClaim(new Claim(CreditClaims.CompanyName, provider.FindFirstValue(options.CompanyNameClaim) ?? code.Value!.Value.Value));
            identity.AddClaim(new Claim(CreditClaims.Role, CreditClaims.RepresentativeRole));
        }

        if (roles.Contains(options.StaffRole))
        {
            identity.AddClaim(new Claim(CreditClaims.Role, CreditClaims.StaffRole));
        }

        if (roles.Contains(options.DepartmentStaffRole) && provider.FindFirstValue(options.DepartmentClaim) is { Length: > 0 } department)
        {
            identity.AddClaim(new Claim(CreditClaims.Role, CreditClaims.DepartmentStaffRole));
            identity.AddClaim(new Claim(CreditClaims.Department, department.Trim()));
        }

        if (!identity.HasClaim(c => c.Type is CreditClaims.ResidentIdHash or CreditClaims.Uscc or CreditClaims.Role))
        {
            return (null, SignInFailures.NoRealNameIdentity);
        }

        return (new ClaimsPrincipal(identity), null);
    }
}
