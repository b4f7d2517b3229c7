using CreditSite.Domain;
using CreditSite.Reports;

namespace CreditSite.Core.Tests.Reports;

/// <summary>Report content for tests: a person with black-list, red-list and role-model records.</summary>
internal static class SampleReports
{
    public const string MaskedId = "320402********0012";

    public static IssuedReport Personal(int blackEntries = 3, string name = "张三")
    {
        var black = Enumerable.Range(1, blackEntries).Select(i => new ReportItem
        {
            Title = $"{name}失信记录{i}",
            ListKind = ListKind.Black,
            Field = "司法执行(失信被执行人)",
            IssuingDepartment = "市中级人民法院",
            DecisionNumber = $"（2025）苏04执{1000 + i}号",
            Date = new DateOnly(2025, 3, 1).AddDays(i),
            PublicUntil = new DateOnly(2027, 3, 1),
            Severity = Severity.Serious,
            Status = i == 1 ? EntryStatus.UnderObjection : EntryStatus.Active,
            LegalBasis = "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条",
            Summary = "有履行能力而拒不履行生效法律文书确定的义务，被依法纳入失信被执行人名单。",
        }).ToList();

        var content = new ReportContent
        {
            Kind = ReportKind.Personal,
            SubjectName = name,
            MaskedIdNumber = MaskedId,
            AsOf = new DateOnly(2025, 6, 1),
            BlackList = black,
            Honours =
            [
                new ReportItem { Title = "常州市诚信之星", IsRoleModel = true, Category = "诚信之星", Date = new DateOnly(2024, 12, 1), Summary = "拾金不昧，诚实守信。" },
            ],
        };

        var issuedAt = new DateTimeOffset(2025, 6, 1, 1, 30, 15, TimeSpan.Zero);
        const string Number = "20250601093015K7QW3M2R";
        const string Code = "ABCD2345EFGH";
        return new IssuedReport(Number, Code, issuedAt, issuedAt.AddDays(30),
            IssuedReport.BuildVerificationUrl("http://localhost:5080", Number, Code), content);
    }
}
