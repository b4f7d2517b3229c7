using System.Security.Claims;
using CreditSite.Identifiers;
using CreditSite.Web.Features.SignIn;

namespace CreditSite.Web.Tests.SignIn;

public sealed class SignInClaimsMapperTests
{
    private static readonly string PersonId = ResidentIdNumber.Complete("32040219850315003").Value;
    private static readonly string Uscc = UnifiedSocialCreditCode.Complete("91320402MA1DEM58").Value;
    private readonly SignInClaimsMapper _mapper = new(new OidcSignInOptions(), new ResidentIdHasher("a-test-key-of-sixteen+"));

    [Fact]
    public void PersonKeepsOnlyTheKeyedHashAndTheMaskedNumber()
    {
        var (principal, error) = _mapper.Map(Provider(("name", "张伟"), ("resident_id", PersonId), ("sub", PersonId), ("email", "x@example.cn")));

        Assert.Null(error);
        var user = CreditUser.From(principal!)!;
        Assert.Equal("张伟", user.Name);
        Assert.Equal(new ResidentIdHasher("a-test-key-of-sixteen+").Hash(ResidentIdNumber.Parse(PersonId).Value!.Value), user.ResidentIdHash);
        Assert.Equal(ResidentIdNumber.Mask(PersonId), user.MaskedIdNumber);
        Assert.DoesNotContain(principal!.Claims, c => c.Value.Contains(PersonId, StringComparison.Ordinal));
        Assert.Equal(3, principal.Claims.Count());
    }

    [Fact]
    public void RepresentativeCarriesTheCompanyAndTheRole()
    {
        var (principal, _) = _mapper.Map(Provider(("name", "王强"), ("uscc", Uscc.ToLowerInvariant()), ("company_name", "常州恒信建材有限公司"), ("role", "enterprise_representative")));

        var user = CreditUser.From(principal!)!;
        Assert.True(user.IsRepresentative);
        Assert.Equal(Uscc, user.Uscc);
        Assert.Equal("王强（常州恒信建材有限公司）", user.DisplayName);
        Assert.False(user.IsPerson);
    }

    [Fact]
    public void UsccWithoutTheRepresentativeRoleGivesNoCompanyRights()
    {
        var (principal, _) = _mapper.Map(Provider(("name", "王强"), ("resident_id", PersonId), ("uscc", Uscc)));

        Assert.False(CreditUser.From(principal!)!.IsRepresentative);
    }

    [Fact]
    public void StaffGetsTheStaffRole()
    {
        var (principal, _) = _mapper.Map(Provider(("name", "陈静"), ("role", "staff")));

        Assert.True(CreditUser.From(principal!)!.IsStaff);
    }

    [Fact]
    public void DepartmentStaffGetTheirDepartment()
    {
        var (principal, _) = _mapper.Map(Provider(("name", "赵敏"), ("role", "department_staff"), ("department", " 市市场监督管理局 ")));

        var user = CreditUser.From(principal!)!;
        Assert.Equal("市市场监督管理局", user.Department);
        Assert.False(user.IsStaff);
    }

    [Fact]
    public void TheDepartmentClaimWithoutTheRoleGivesNoDeskRights()
    {
        var (principal, _) = _mapper.Map(Provider(("name", "赵敏"), ("resident_id", PersonId), ("department", "市市场监督管理局")));

        Assert.Null(CreditUser.From(principal!)!.Department);
    }

    [Theory]
    [InlineData("", "320402198503150031", null, "未提供姓名")]
    [InlineData("张伟", "320402198503150039", null, "居民身份证号码无效")]
    [InlineData("王强", null, "91320402MA1DEM5800", "统一社会信用代码无效")]
    [InlineData("某人", null, null, "未提供实名身份信息")]
    public void RefusesClaimsThatIdentifyNobody(string name, string? residentId, string? uscc, string message)
    {
        var claims = new List<(string, string)> { ("name", name) };
        if (residentId is not null)
        {
            claims.Add(("resident_id", residentId == "320402198503150031" ? PersonId : residentId));
        }

        if (uscc is not null)
        {
            claims.Add(("uscc", uscc));
            claims.Add(("role", "enterprise_representative"));
        }

        var (principal, error) = _mapper.Map(Provider([.. claims]));

        Assert.Null(principal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonId, error, StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Provider(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));
}
