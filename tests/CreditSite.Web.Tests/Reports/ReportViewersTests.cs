using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.Reports;
using CreditSite.Web.Features.SignIn;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The rule for who may open a report, one row per case.</summary>
public sealed class ReportViewersTests
{
    private const string PersonHash = "person-hash";
    private const string OtherHash = "other-hash";
    private const string CompanyCode = "91320402MA1MRH4B88";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static CreditUser Person(string hash) => new("某人", hash, "3204**********0012", null, null, false);

    private static CreditUser Representative(string uscc) => new("王强", null, null, uscc, "某公司", false);

    private static readonly CreditUser Staff = new("陈静", null, null, null, null, true);

    private static CreditReport Report(ReportKind kind, string subjectKey, string? grantId = null) => new()
    {
        Id = "r1", Number = "20261201080000ABCDEFGH", VerificationCodeHash = "x", Kind = kind, SubjectKey = subjectKey,
        SubjectName = "某人", ContentJson = "{}", GrantId = grantId,
    };

    private static ReportGrant Grant(GranteeKind kind, string granteeKey, DateTimeOffset expires, DateTimeOffset? revoked = null) => new()
    {
        Id = "g1", CodeHash = "h", SubjectKey = PersonHash, SubjectName = "某人", SubjectMaskedIdNumber = "3204**********0012",
        GranteeKind = kind, GranteeKey = granteeKey, GranteeName = "某银行", GranteeDisplayId = granteeKey,
        Purpose = GrantPurpose.LoanApproval, ExpiresAt = expires, RevokedAt = revoked,
    };

    public static TheoryData<string, CreditReport, ReportGrant?, CreditUser, ViewerRole?> Cases => new()
    {
        { "the person sees their own report", Report(ReportKind.Personal, PersonHash), null, Person(PersonHash), ViewerRole.Subject },
        { "the company's representative sees its report", Report(ReportKind.Enterprise, CompanyCode), null, Representative(CompanyCode), ViewerRole.Subject },
        { "another person does not", Report(ReportKind.Personal, PersonHash), null, Person(OtherHash), null },
        { "a person with the company's code as nothing does not", Report(ReportKind.Enterprise, CompanyCode), null, Person(PersonHash), null },
        { "a grantee company with an open grant does", Report(ReportKind.Personal, PersonHash, "g1"), Grant(GranteeKind.Enterprise, CompanyCode, Now.AddDays(1)), Representative(CompanyCode), ViewerRole.Grantee },
        { "a grantee person with an open grant does", Report(ReportKind.Personal, PersonHash, "g1"), Grant(GranteeKind.Person, OtherHash, Now.AddDays(1)), Person(OtherHash), ViewerRole.Grantee },
        { "not after the grant expired", Report(ReportKind.Personal, PersonHash, "g1"), Grant(GranteeKind.Enterprise, CompanyCode, Now), Representative(CompanyCode), null },
        { "not after the grant was revoked", Report(ReportKind.Personal, PersonHash, "g1"), Grant(GranteeKind.Enterprise, CompanyCode, Now.AddDays(1), Now.AddHours(-1)), Representative(CompanyCode), null },
        { "not someone else holding no grant", Report(ReportKind.Personal, PersonHash, "g1"), Grant(GranteeKind.Enterprise, CompanyCode, Now.AddDays(1)), Representative("91320411MA1Q8N2CX8"), null },
        { "not with a grant the report was not issued under", Report(ReportKind.Personal, PersonHash, "g2"), Grant(GranteeKind.Enterprise, CompanyCode, Now.AddDays(1)), Representative(CompanyCode), null },
        { "staff see any report", Report(ReportKind.Personal, PersonHash), null, Staff, ViewerRole.Staff },
    };

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void DecidesWhoMayOpenAReport(string why, CreditReport report, ReportGrant? grant, CreditUser user, ViewerRole? expected)
    {
        _ = why;

        var decision = ReportViewers.Decide(report, grant, user, Now);

        Assert.Equal(expected, decision?.Role);
    }
}
