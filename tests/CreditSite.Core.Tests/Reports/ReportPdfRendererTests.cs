using CreditSite.Reports.Pdf;

namespace CreditSite.Core.Tests.Reports;

public sealed class ReportPdfRendererTests
{
    private static readonly ReportPdfRenderer Renderer = new(ReportFont.Load());
    private static readonly string[] Sections = ["一、基础信息", "二、守信激励", "三、严重失信主体名单", "四、信用承诺", "五、其他"];

    [Fact]
    public async Task PrintsTheVerificationPartsAsSearchableChineseText()
    {
        var report = SampleReports.Personal();

        var text = await PdfTools.ExtractTextAsync(Renderer.Render(report));

        Assert.Contains("个人公共信用信息报告", text, StringComparison.Ordinal);
        Assert.Contains("20250601093015K7QW3M2R", text, StringComparison.Ordinal);
        Assert.Contains("ABCD 2345 EFGH", text, StringComparison.Ordinal);
        Assert.Contains("常州市社会信用体系建设领导小组办公室", text, StringComparison.Ordinal);
        Assert.Contains("2025年6月1日 09:30:15", text, StringComparison.Ordinal);
        Assert.Contains(SampleReports.MaskedId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupsRecordsUnderTheFiveSectionsAndMarksObjections()
    {
        var text = Squash(await PdfTools.ExtractTextAsync(Renderer.Render(SampleReports.Personal())));

        var order = Sections.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("【异议处理中】", text, StringComparison.Ordinal);
        Assert.Contains("（2025）苏04执1003号", text, StringComparison.Ordinal);
        Assert.Contains("常州市诚信之星", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintsRegistryDataAndTheRecordSectionsInTheNationalOrder()
    {
        var text = Squash(await PdfTools.ExtractTextAsync(Renderer.Render(SampleReports.Enterprise())));

        string[] national = ["一、基础信息", "二、行政许可", "三、行政处罚", "四、守信激励", "五、严重失信主体名单", "六、信用承诺", "七、其他"];
        var order = national.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("曾用名：常州示例五金厂", text, StringComparison.Ordinal);
        Assert.Contains("法定代表人（负责人）：周某", text, StringComparison.Ordinal);
        Assert.Contains("1. 【行政许可】普通", text, StringComparison.Ordinal);
        Assert.Contains("许可决定文书号：常审许〔2026〕18号", text, StringComparison.Ordinal);
        Assert.Contains("1. 【行政处罚】警告、罚款", text, StringComparison.Ordinal);
        Assert.Contains("【异议处理中】", text, StringComparison.Ordinal);
        Assert.Contains("承诺内容：承诺按期补齐环评材料。", text, StringComparison.Ordinal);
        Assert.Contains("行政许可 1 条；行政处罚 1 条；守信激励 1 条；严重失信主体名单（黑名单）0 条；信用承诺 1 条", text, StringComparison.Ordinal);
        Assert.Contains("暂无公示中的失信记录。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedsTheFontAsASubset()
    {
        var path = await PdfTools.WriteTempAsync(Renderer.Render(SampleReports.Personal()));

        var fonts = await PdfTools.RunAsync("pdffonts", path);

        var line = Assert.Single(fonts.Split('\n'), l => l.Contains("Identity-H", StringComparison.Ordinal) && l.Contains("yes yes", StringComparison.Ordinal));
        Assert.Matches("^[A-Z]{6}\\+", line);
    }

    [Fact]
    public async Task QrCodeOpensTheVerificationPageForThisReport()
    {
        var report = SampleReports.Personal();
        var pdf = await PdfTools.WriteTempAsync(Renderer.Render(report));
        var png = Path.ChangeExtension(pdf, null);

        await PdfTools.RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, png);
        var decoded = await PdfTools.RunAsync("zbarimg", "--raw", "-q", png + ".png");

        Assert.Equal(report.VerificationUrl.AbsoluteUri, decoded.Trim());
    }

    [Fact]
    public async Task BreaksFiftyRecordsOverSeveralNumberedPages()
    {
        var text = await PdfTools.ExtractTextAsync(Renderer.Render(SampleReports.Personal(blackEntries: 50)));

        Assert.Contains("第 1 页 / 共", text, StringComparison.Ordinal);
        Assert.Contains("50. 【黑名单】", text, StringComparison.Ordinal);
        Assert.Contains("五、其他", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsMadeOnManyThreadsAtOnceReadTheSameAsOneMadeAlone()
    {
        // One renderer serves the whole site: the character widths it remembers are shared by reports made at once.
        var report = SampleReports.Personal(blackEntries: 50);
        var alone = await PdfTools.ExtractTextAsync(new ReportPdfRenderer(ReportFont.Load()).Render(report));

        var shared = new ReportPdfRenderer(ReportFont.Load());
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => shared.Render(report))));

        foreach (var pdf in pdfs)
        {
            Assert.Equal(alone, await PdfTools.ExtractTextAsync(pdf));
        }
    }

    [Fact]
    public async Task SetsNamesWithSupplementaryPlaneCharactersAsRealTextInTheFallbackFace()
    {
        // CJK extension B (𠀀 𪚥), extension E (𬌗) and extension G (𰻞, biáng): GB 18030-2022 names.
        var report = SampleReports.Personal(name: "王𠀀𪚥𬌗𰻞");
        var path = await PdfTools.WriteTempAsync(Renderer.Render(report));

        var text = await PdfTools.RunAsync("pdftotext", "-enc", "UTF-8", path, "-");
        var fonts = await PdfTools.RunAsync("pdffonts", path);

        Assert.Contains("王𠀀𪚥𬌗𰻞", text, StringComparison.Ordinal);
        Assert.Equal(2, fonts.Split('\n').Count(l => l.Contains("Identity-H", StringComparison.Ordinal) && l.Contains("yes yes", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingFontFileFailsEveryTimeUntilItIsThereAndThenLoads()
    {
        var path = Path.Combine(Path.GetTempPath(), "creditsite-font-" + Guid.NewGuid().ToString("N") + ".ttf");

        Assert.Throws<ReportFontMissingException>(() => ReportFont.Load(path));
        File.Copy(ReportFont.DefaultPath, path);
        try
        {
            var font = ReportFont.Load(path);
            Assert.NotNull(new ReportPdfRenderer(font).Render(SampleReports.Personal()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Squash(string text) => text.Replace("\n", string.Empty, StringComparison.Ordinal);
}
