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

    /// <summary>An enterprise report as issued since licences and penalties are published: registry data, one record
    /// of each kind (the penalty under objection), a red-list entry.</summary>
    public static IssuedReport Enterprise()
    {
        var content = new ReportContent
        {
            Kind = ReportKind.Enterprise,
            SubjectName = "常州示例精密机械有限公司",
            Uscc = "91320402MA1B00025Q",
            AsOf = new DateOnly(2026, 6, 1),
            Registration = new ReportRegistration
            {
                Name = "常州示例精密机械有限公司",
                FormerNames = ["常州示例五金厂"],
                EntityType = "有限责任公司（自然人投资或控股）",
                LegalRepresentative = "周某",
                RegisteredOn = new DateOnly(2012, 5, 4),
                RegistrationAuthority = "常州市天宁区市场监督管理局",
                Address = "常州市天宁区示例路 1 号",
                Status = "存续",
            },
            Licences =
            [
                new ReportItem
                {
                    Title = "常州示例精密机械有限公司（行政许可）", RecordKind = RecordKind.Licence, Category = "普通",
                    IssuingDepartment = "常州市行政审批局", DecisionNumber = "常审许〔2026〕18号", Date = new DateOnly(2026, 3, 2),
                    PublicUntil = new DateOnly(2031, 3, 1), RecordStatus = RecordStatus.Valid, Summary = "准予排污许可。",
                },
            ],
            Penalties =
            [
                new ReportItem
                {
                    Title = "常州示例精密机械有限公司（行政处罚）", RecordKind = RecordKind.Penalty, PenaltyTypes = ["警告", "罚款"],
                    IssuingDepartment = "常州市生态环境局", DecisionNumber = "常环罚〔2026〕7号", Date = new DateOnly(2026, 4, 10),
                    PublicUntil = new DateOnly(2027, 4, 9), RecordStatus = RecordStatus.UnderObjection,
                    LegalBasis = "《中华人民共和国大气污染防治法》第一百零八条", Summary = "罚款人民币五万元。",
                },
            ],
            Commitments =
            [
                new ReportItem
                {
                    Title = "常州示例精密机械有限公司（信用承诺）", RecordKind = RecordKind.Commitment, Category = "审批替代型",
                    IssuingDepartment = "常州市行政审批局", Date = new DateOnly(2026, 1, 20), PublicUntil = new DateOnly(2027, 1, 19),
                    RecordStatus = RecordStatus.Active, Summary = "承诺按期补齐环评材料。",
                },
            ],
            Honours =
            [
                new ReportItem { Title = "常州示例精密机械有限公司", ListKind = ListKind.Red, Field = "诚信典型", IssuingDepartment = "市市场监督管理局", Date = new DateOnly(2025, 12, 1) },
            ],
        };

        var issuedAt = new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
        const string Number = "20260601100000K7QW3M2R";
        const string Code = "ABCD2345EFGH";
        return new IssuedReport(Number, Code, issuedAt, issuedAt.AddDays(30),
            IssuedReport.BuildVerificationUrl("http://localhost:5080", Number, Code), content);
    }
}
