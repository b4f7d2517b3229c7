using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;

namespace CreditSite.Web.Features.Reports;

/// <summary>Who may open a report, and in which capacity: its subject; a grantee holding an open grant the report was
/// issued under; staff. Every check is on the signed-in user's own keys: an id from a URL only finds a row, it never
/// grants anything. Pure, so each rule has a unit test (<c>ReportViewersTests</c>).</summary>
public static class ReportViewers
{
    /// <summary>The capacity and the purpose recorded for it, or null when <paramref name="user"/> may not see the
    /// report. <paramref name="grant"/> is the grant the report was issued under, or one that shares this report, if any.</summary>
    public static (ViewerRole Role, string Purpose)? Decide(CreditReport record, ReportGrant? grant, CreditUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(user);
        if (IsSubject(record, user))
        {
            return (ViewerRole.Subject, record.Kind == ReportKind.Personal ? "本人查询" : "企业自查");
        }

        if (grant is not null && (grant.Id == record.GrantId || grant.ReportId == record.Id) && IsGrantee(grant, user) && grant.IsOpenAt(now))
        {
            return (ViewerRole.Grantee, grant.PurposeLabel);
        }

        return user.IsStaff ? (ViewerRole.Staff, "工作人员依职责核查") : null;
    }

    public static bool IsSubject(CreditReport record, CreditUser user)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(user);
        return record.Kind == ReportKind.Personal
            ? user.ResidentIdHash is not null && record.SubjectKey == user.ResidentIdHash
            : user.Uscc is not null && record.SubjectKey == user.Uscc;
    }

    public static bool IsGrantee(ReportGrant grant, CreditUser user)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(user);
        return grant.GranteeKind == GranteeKind.Enterprise
            ? user.Uscc is not null && grant.GranteeKey == user.Uscc
            : user.ResidentIdHash is not null && grant.GranteeKey == user.ResidentIdHash;
    }

    /// <summary>The keys a user's own reports and grants are filed under: the ID hash and the USCC they act for.</summary>
    public static List<string> KeysOf(CreditUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new[] { user.ResidentIdHash, user.Uscc }.OfType<string>().ToList();
    }
}
