using System.Globalization;
using System.Text;
using CreditSite.Domain;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditSite.Reports.Pdf;

/// <summary>Sets an <see cref="IssuedReport"/> as an A4 PDF: Chinese text in an embedded font subset, the report
/// number, issue time, issuing body, verification code and a QR code that opens the verification page.</summary>
public sealed partial class ReportPdfRenderer
{
    private const double PageWidth = 595.28; // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private const double BottomMargin = 64;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double QrSize = 96;

    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);
    private static readonly XColor Rule = XColor.FromArgb(0x99, 0x99, 0x99);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XColor Accent = XColor.FromArgb(0xA4, 0x1E, 0x22);

    private readonly TextStyle _title;
    private readonly TextStyle _heading;
    private readonly TextStyle _strong;
    private readonly TextStyle _body;
    private readonly TextStyle _small;

    public ReportPdfRenderer(ReportFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        _title = new TextStyle(font, 20, XFontStyleEx.Bold);
        _heading = new TextStyle(font, 13.5, XFontStyleEx.Bold);
        _strong = new TextStyle(font, 10.5, XFontStyleEx.Bold);
        _body = new TextStyle(font, 10.5, XFontStyleEx.Regular);
        _small = new TextStyle(font, 8.5, XFontStyleEx.Regular);
    }

    /// <param name="signer">Signs the PDF with the issuing body's certificate; null leaves it unsigned (tests of layout).</param>
    public byte[] Render(IssuedReport report, ReportSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Special is not null)
        {
            return RenderSpecial(report, report.Special, signer);
        }

        using var document = new PdfDocument();
        document.Info.Title = $"{report.Content.Kind.Title()} {report.Number}";
        document.Info.Author = IssuedReport.IssuingBody;
        document.Info.Creator = "信用常州";
        document.Info.Subject = report.Content.SubjectName;

        var layout = new Layout(this, document);
        try
        {
            WriteHeader(layout, report, report.Content.Kind.Title(), ["信息截至", FormatDate(report.Content.AsOf)]);
            WriteBasics(layout, report.Content);
            var number = 2;
            foreach (var section in report.Content.RecordSections)
            {
                WriteSection(layout, ReportSection.Numbered(number++, section.Heading), section.Items, section.WhenEmpty);
            }

            WriteOther(layout, report, number);
        }
        finally
        {
            layout.Finish();
        }

        WriteFooters(document, report.Number);
        return Save(document, layout, signer);
    }

    /// <summary>Saves, signing while saving when there is a signer. The ToUnicode repair rewrites bytes, so a document
    /// that needs it is repaired first and then signed as a whole again (a signature must cover the final bytes).</summary>
    private static byte[] Save(PdfDocument document, Layout layout, ReportSigner? signer)
    {
        if (!layout.SetSupplementaryCharacters)
        {
            signer?.Attach(document);
            using var direct = new MemoryStream();
            document.Save(direct, closeStream: false);
            return direct.ToArray();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        var repaired = ToUnicodeRepair.Repair(stream.ToArray());
        if (signer is null)
        {
            return repaired;
        }

        using var reopened = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(repaired), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        signer.Attach(reopened);
        using var signed = new MemoryStream();
        reopened.Save(signed, closeStream: false);
        return signed.ToArray();
    }

    /// <param name="lastRow">The header's last row: what the content is as of.</param>
    private void WriteHeader(Layout layout, IssuedReport report, string title, string[] lastRow)
    {
        var g = layout.Graphics;
        g.DrawString(title, _title.Main, new XSolidBrush(Accent),
            new XRect(Margin, layout.Y, ContentWidth, 28), XStringFormats.TopCenter);
        layout.Y += 40;
        g.DrawLine(new XPen(Accent, 1.2), Margin, layout.Y, PageWidth - Margin, layout.Y);
        layout.Y += 12;

        var top = layout.Y;
        var qrX = PageWidth - Margin - QrSize;
        ReportQrCode.Draw(g, report.VerificationUrl.AbsoluteUri, qrX, top, QrSize);
        g.DrawString("扫码核验报告真伪", _small.Main, XBrushes.Black, new XRect(qrX, top + QrSize + 2, QrSize, 12), XStringFormats.TopCenter);

        var labelWidth = 78;
        var valueWidth = ContentWidth - QrSize - 16 - labelWidth;
        string[][] rows =
        [
            ["报告编号", report.Number],
            ["出具时间", FormatTime(report.IssuedAt)],
            ["出具单位", IssuedReport.IssuingBody],
            ["核验码", GroupCode(report.VerificationCode)],
            ["核验有效期至", FormatTime(report.ValidUntil)],
            lastRow,
        ];
        foreach (var row in rows)
        {
            layout.Draw(row[0] + "：", _strong, XBrushes.Black, Margin);
            foreach (var line in Layout.Wrap(row[1], _body, valueWidth))
            {
                layout.Draw(line, _body, XBrushes.Black, Margin + labelWidth);
                layout.Y += LineHeight(_body);
            }

            layout.Y += 2;
        }

        layout.Y = Math.Max(layout.Y, top + QrSize + 18) + 6;
    }

    private void WriteBasics(Layout layout, ReportContent content)
    {
        layout.Heading(ReportSection.Numbered(1, "基础信息"));
        var personal = content.Kind == ReportKind.Personal;
        layout.Field(personal ? "姓名" : "主体名称", content.SubjectName);
        if (personal)
        {
            layout.Field("居民身份证号码", content.MaskedIdNumber ?? "—");
            layout.Field("主体类型", SubjectType.NaturalPerson.Label());
        }
        else
        {
            layout.Field("统一社会信用代码", content.Uscc ?? "—");
            layout.Field("主体类型", SubjectType.LegalPerson.Label());
            if (content.Registration is { } registration)
            {
                foreach (var (label, value) in ReportRecordText.Registration(registration, FormatDate))
                {
                    layout.Field(label, value);
                }
            }
            else if (content.HasRecordSections)
            {
                layout.Field("登记信息", "本站暂无该主体的登记信息。");
            }
        }

        layout.Field("记录概况", content.Overview + "。");
        if (content.HasUnderObjection)
        {
            layout.Paragraph("注：有记录正在异议处理中，处理结果以认定单位最终决定为准。", _body);
        }

        layout.Y += 6;
    }

    /// <summary>One numbered section of records, or the sentence that says it is empty.</summary>
    private void WriteSection(Layout layout, string heading, IReadOnlyList<ReportItem> items, string whenEmpty)
    {
        layout.Heading(heading);
        if (items.Count == 0)
        {
            layout.Paragraph(whenEmpty, _body);
        }

        var n = 1;
        foreach (var item in items)
        {
            WriteItem(layout, n++, item);
        }

        layout.Y += 6;
    }

    private void WriteOther(Layout layout, IssuedReport report, int number)
    {
        layout.Heading(ReportSection.Numbered(number, "其他"));
        var verifyPage = report.VerificationUrl.GetLeftPart(UriPartial.Path);
        string[] notes =
        [
            $"1. 本报告依据截至{FormatDate(report.Content.AsOf)}在“信用常州”公示的公共信用信息生成。已过公示期限、已退出或已完成信用修复的记录不在报告中展示。",
            "2. " + report.Content.Kind.Basis(),
            $"3. 核验方式：访问 {verifyPage} ，输入报告编号与核验码，或扫描右上角二维码。核验有效期届满后，请重新申请报告。",
            "4. 信息主体对报告内容有异议的，可向认定单位提出异议申请。",
        ];
        foreach (var note in notes)
        {
            layout.Paragraph(note, _body);
        }
    }

    private void WriteItem(Layout layout, int number, ReportItem item)
    {
        if (item.RecordKind is not null)
        {
            WriteRecord(layout, number, item);
            return;
        }

        var head = new StringBuilder().Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ");
        if (item.IsRoleModel)
        {
            head.Append("【诚信典型】").Append(item.Title);
            if (!string.IsNullOrEmpty(item.Category))
            {
                head.Append('（').Append(item.Category).Append('）');
            }
        }
        else
        {
            head.Append(item.ListKind == ListKind.Black ? "【黑名单】" : "【红名单】")
                .Append(item.Field).Append(" · ").Append(item.IssuingDepartment);
        }

        if (item.IsUnderObjection)
        {
            head.Append(" 【异议处理中】");
        }

        layout.KeepTogether(LineHeight(_strong) * 3);
        layout.Paragraph(head.ToString(), _strong);
        if (!item.IsRoleModel)
        {
            layout.Indented("决定文号", item.DecisionNumber);
            layout.Indented("认定日期", FormatDate(item.Date));
            layout.Indented("公示截止", item.PublicUntil is { } until ? FormatDate(until) : null);
            layout.Indented("失信程度", item.Severity?.Label());
            layout.Indented("认定依据", item.LegalBasis);
        }
        else
        {
            layout.Indented("发布日期", FormatDate(item.Date));
        }

        layout.Indented("摘要", item.Summary);
        if (item.IsUnderObjection)
        {
            layout.Indented("说明", "该记录正在异议处理中，处理结果以认定单位最终决定为准。");
        }

        layout.Y += 4;
    }

    /// <summary>A licence, penalty or commitment: its tag and department, then its facts.</summary>
    private void WriteRecord(Layout layout, int number, ReportItem item)
    {
        var head = $"{number.ToString(CultureInfo.InvariantCulture)}. 【{ReportRecordText.Tag(item)}】{ReportRecordText.Heading(item)}"
            + (item.IsUnderObjection ? " 【异议处理中】" : string.Empty);
        layout.KeepTogether(LineHeight(_strong) * 3);
        layout.Paragraph(head, _strong);
        foreach (var (label, value) in ReportRecordText.Facts(item, FormatDate))
        {
            layout.Indented(label, value);
        }

        if (item.IsUnderObjection)
        {
            layout.Indented("说明", "该记录正在异议处理中，处理结果以作出决定的部门最终决定为准。");
        }

        layout.Y += 4;
    }

    private void WriteFooters(PdfDocument document, string number)
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - BottomMargin + 22;
            g.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, PageWidth - Margin, y - 4);
            var text = $"信用常州 · 报告编号 {number} · 第 {i + 1} 页 / 共 {count} 页";
            g.DrawString(text, _small.Main, new XSolidBrush(Muted), new XRect(Margin, y, ContentWidth, 12), XStringFormats.TopCenter);
        }
    }

    private static double LineHeight(TextStyle style) => style.Size * 1.55;

    private static string FormatTime(DateTimeOffset time) =>
        time.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyy年M月d日 HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";

    private static string FormatDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string GroupCode(string code) =>
        string.Join(' ', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));
}
