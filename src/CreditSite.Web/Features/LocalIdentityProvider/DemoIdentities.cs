using CreditSite.Import;

namespace CreditSite.Web.Features.LocalIdentityProvider;

/// <summary>A demonstration identity the local provider can sign in as. Their ID numbers and USCC are fixed and made
/// valid in <see cref="SignInDemoSubjects"/>, whose entries the demonstration data set carries (see docs/sign-in.md).</summary>
public sealed record DemoIdentity(
    string Key, string Label, string Description, string Name, string? ResidentId, string? Uscc, string? CompanyName, IReadOnlyList<string> Roles,
    string? Department = null);

public static class DemoIdentities
{
    public static readonly string BlackListedPersonId = SignInDemoSubjects.BlackListedPersonId;
    public static readonly string CleanPersonId = SignInDemoSubjects.CleanPersonId;
    public static readonly string RepresentativeId = SignInDemoSubjects.RepresentativeId;
    public static readonly string CompanyUscc = SignInDemoSubjects.CompanyUscc;
    public const string CompanyName = SignInDemoSubjects.CompanyName;

    public static readonly DemoIdentity BlackListedPerson = new(
        "person-black", "有失信记录的个人", "张伟，被列入失信被执行人名单（黑名单）。", "张伟", BlackListedPersonId, null, null, []);

    public static readonly DemoIdentity CleanPerson = new(
        "person-clean", "信用良好的个人", "李娜，无任何失信记录。", "李娜", CleanPersonId, null, null, []);

    public static readonly DemoIdentity Representative = new(
        "representative", "企业经办人", $"王强，{CompanyName}的经办人；该企业有红黑名单记录。", "王强", RepresentativeId,
        CompanyUscc, CompanyName, ["enterprise_representative"]);

    public static readonly DemoIdentity Staff = new(
        "staff", "信用办工作人员", "陈静，常州市社会信用体系建设领导小组办公室工作人员。", "陈静", null, null, null, ["staff"]);

    /// <summary>Decides credit repair requests and objections about the records of 市市场监督管理局 (谁认定谁修复).</summary>
    public static readonly DemoIdentity DepartmentStaff = new(
        "department-staff", "部门工作人员", "赵敏，市市场监督管理局信用修复审核人员。", "赵敏", null, null, null, ["department_staff"], "市市场监督管理局");

    /// <summary>A second department, so that the desk's separation can be seen: 市住房和城乡建设局 decided the demo
    /// company's black-list entry and its penalty (工程质量), so its requests about them come to her, not to 赵敏.</summary>
    public static readonly DemoIdentity HousingDepartmentStaff = new(
        "department-staff-housing", "部门工作人员（住建）", "孙丽，市住房和城乡建设局信用修复审核人员。", "孙丽", null, null, null, ["department_staff"],
        "市住房和城乡建设局");

    public static readonly IReadOnlyList<DemoIdentity> All = [BlackListedPerson, CleanPerson, Representative, Staff, DepartmentStaff, HousingDepartmentStaff];

    public static DemoIdentity? Find(string? key) => All.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));
}
