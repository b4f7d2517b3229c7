using System.Globalization;
using CreditSite.Reports.Special;
using PdfSharp.Pdf;

namespace CreditSite.Reports.Pdf;

/// <summary>The special credit report (专项信用报告): cover, one conclusion per chosen field with the records found, what
/// was consulted (with each dataset's cut-off) and what the platform does not hold.</summary>
public sealed partial class ReportPdfRenderer
{
    private byte[] RenderSpecial(IssuedReport report, SpecialReportContent special, ReportSigner? signer)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"专项信用报告 {report.Number}";
        document.Info.Author = IssuedReport.IssuingBody;
        document.Info.Creator = "信用常州";
        document.Info.Subject = special.SubjectName;

        var layout = new Layout(this, document);
        try
        {
            WriteHeader(layout, report, "专项信用报告", ["数据截止时间", DataCutOff(special)]);
            layout.Paragraph("（替代有无违法违规记录证明）", _body);
            layout.Heading(ReportSection.Numbered(1, "报告主体与查询范围"));
            layout.Field(special.SubjectKind == ReportKind.Personal ? "姓名" : "主体名称", special.SubjectName);
            if (special.SubjectKind == ReportKind.Personal)
            {
                layout.Field("居民身份证号码", special.MaskedIdNumber ?? "—");
            }
            else
            {
                layout.Field("统一社会信用代码", special.Uscc ?? "—");
                layout.Field("登记状态", special.RegistryStatus ?? "本平台暂无该主体的登记信息");
            }

            layout.Field("查询期间", special.Scope.PeriodText);
            layout.Field("查询领域", special.Scope.FieldsText);
            layout.Y += 6;

            layout.Heading(ReportSection.Numbered(2, "查询结论"));
            var n = 1;
            foreach (var result in special.Results)
            {
                layout.KeepTogether(LineHeight(_strong) * 3);
                layout.Paragraph($"（{n++.ToString(CultureInfo.InvariantCulture)}）{result.Field}：{result.Conclusion}。", _strong);
                WriteSpecialRecords(layout, result.Records);
            }

            if (special.WithoutField.Count > 0)
            {
                layout.Paragraph($"（{n.ToString(CultureInfo.InvariantCulture)}）未标明领域的记录：查询期间内发现 {special.WithoutField.Count} 条，可能涉及所选领域，一并列出。", _strong);
                WriteSpecialRecords(layout, special.WithoutField);
            }

            layout.Y += 6;
            layout.Heading(ReportSection.Numbered(3, "查询的数据与未归集的信息"));
            foreach (var dataset in special.Datasets)
            {
                layout.Field(dataset.Name, dataset.Held
                    ? $"已查询，数据截止时间 {(dataset.LastImported is { } at ? FormatTime(at) : "未知")}"
                    : "本平台尚未归集，未作查询");
            }

            foreach (var notHeld in special.NotHeld)
            {
                layout.Paragraph("未涵盖 · " + notHeld, _body);
            }

            layout.Paragraph(special.RepairRule, _body);
            layout.Y += 6;

            layout.Heading(ReportSection.Numbered(4, "其他"));
            var verifyPage = report.VerificationUrl.GetLeftPart(UriPartial.Path);
            string[] notes =
            [
                "1. 本报告依据《关于全面推行以专项信用报告替代有无违法违规记录证明的通知》（发改财金〔2025〕565号）和江苏省《苏政办规〔2025〕5号》出具，在所选期间和领域内替代有关部门出具的有无违法违规记录证明。",
                "2. 本报告依据“信用常州”公共信用信息数据库（记录系统）在出具时的数据生成，仅对上述已归集的信息作出结论；未归集的信息见第三部分。",
                $"3. 本报告已由出具单位数字签名。核验方式：访问 {verifyPage} ，输入报告编号与核验码，或扫描右上角二维码；核验页显示本报告的结论和 PDF 文件的 SHA-256 摘要，可与所持文件比对。",
                "4. 信息主体对报告内容有异议的，可向作出决定的部门或市信用办提出异议申请。",
            ];
            foreach (var note in notes)
            {
                layout.Paragraph(note, _body);
            }
        }
        finally
        {
            layout.Finish();
        }

        WriteFooters(document, report.Number);
        return Save(document, layout, signer);
    }

    private void WriteSpecialRecords(Layout layout, IReadOnlyList<SpecialReportRecord> records)
    {
        var n = 1;
        foreach (var record in records)
        {
            layout.KeepTogether(LineHeight(_body) * 4);
            layout.Paragraph($"{n++.ToString(CultureInfo.InvariantCulture)}. 【{record.Kind}】{record.DecisionNumber}", _body, 12);
            layout.Indented("决定日期", FormatDate(record.Date));
            layout.Indented("决定部门", record.Department);
            layout.Indented("内容", record.Content);
            layout.Indented("状态", record.Status);
        }

        layout.Y += 4;
    }

    /// <summary>The earliest cut-off of the datasets consulted: the report is complete up to that moment.</summary>
    private static string DataCutOff(SpecialReportContent special) =>
        FormatTime(special.Datasets.Where(d => d.LastImported is not null).Select(d => d.LastImported!.Value).DefaultIfEmpty(special.AsOf).Min());
}
