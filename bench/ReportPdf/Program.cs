using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CreditSite.Bench.ReportPdf;
using CreditSite.Domain;
using CreditSite.Reports;
using CreditSite.Reports.Pdf;
using CreditSite.Reports.Special;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

// One core (affinity 0x1): reports per second of a single core. run.sh BEFORE=<commit> sets REPORT_PDF_BEFORE to that
// commit's Core project, and the same run then also measures the earlier code as job OneCoreBefore, each job against
// its own one-line baseline. Builds one after the other: both jobs build this project, with different Core references.
var oneCore = Job.Default.WithAffinity(1).WithId("OneCore");
var config = DefaultConfig.Instance
    .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableParallelBuild)
    .AddJob(oneCore);
if (Environment.GetEnvironmentVariable("REPORT_PDF_BEFORE") is { Length: > 0 } beforeCore)
{
    config = config.AddJob(oneCore.WithMsBuildArguments($"/p:CoreProject={beforeCore}").WithId("OneCoreBefore"))
        .HideColumns(Column.Arguments); // the MSBuild argument: a long path, and the job's name says it
}

BenchmarkSwitcher.FromAssembly(typeof(ReportPdfBenchmarks).Assembly).Run(args, config);

namespace CreditSite.Bench.ReportPdf
{
    /// <summary>Personal report PDF for a subject with 50 entries, against a baseline measured in the same run: a
    /// one-page PDF with one line in the same embedded CJK font (document, font subset and save, but no layout,
    /// wrapping or QR code).</summary>
    [MemoryDiagnoser]
    public class ReportPdfBenchmarks
    {
        private ReportPdfRenderer _renderer = null!;
        private IssuedReport _report = null!;
        private XFont _font = null!;
        private IssuedReport _special = null!;
        private ReportSigner _signer = null!;

        [GlobalSetup]
        public void Setup()
        {
            var font = ReportFont.Load(Environment.GetEnvironmentVariable("REPORT_FONT"));
            _renderer = new ReportPdfRenderer(font);
            _font = new XFont(font.FamilyName, 12, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _report = SampleReport(50);
            _special = SampleSpecialReport(50, 10);
            var certificateFolder = Path.Combine(Path.GetTempPath(), "creditsite-bench-signing");
            _signer = new ReportSigner(ReportCertificate.LoadOrCreateDevelopment(certificateFolder, TimeProvider.System));
        }

        [Benchmark(Description = "special report, 50 records in 10 fields, signed")]
        public int SignedSpecialReport() => _renderer.Render(_special, _signer).Length;

        [Benchmark(Description = "personal report, 50 entries")]
        public int PersonalReportWithFiftyEntries() => _renderer.Render(_report).Length;

        [Benchmark(Baseline = true, Description = "baseline: one-line page, same font")]
        public int OneLinePage()
        {
            using var document = new PdfDocument();
            var page = document.AddPage();
            using (var g = XGraphics.FromPdfPage(page))
            {
                g.DrawString("个人公共信用信息报告 " + _report.Number, _font, XBrushes.Black, 56, 56, XStringFormats.TopLeft);
            }

            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return (int)stream.Length;
        }

        /// <summary>45 black-list entries (a few under objection), 4 red-list entries and 1 honour: 50 records.</summary>
        public static IssuedReport SampleReport(int entries)
        {
            var fields = Fields();
            var items = Enumerable.Range(1, entries).Select(i => new ReportItem
            {
                Title = $"记录{i}",
                ListKind = i % 10 == 0 ? ListKind.Red : ListKind.Black,
                IsRoleModel = i == entries,
                Category = i == entries ? "诚信之星" : null,
                Field = fields[i % fields.Length],
                IssuingDepartment = i % 2 == 0 ? "市市场监督管理局" : "市中级人民法院",
                DecisionNumber = $"常市监罚〔2025〕{100 + i}号",
                Date = new DateOnly(2025, 1, 1).AddDays(i),
                PublicUntil = new DateOnly(2027, 1, 1).AddDays(i),
                Severity = i % 10 == 0 ? null : (Severity)(i % 3),
                Status = i % 7 == 0 ? EntryStatus.UnderObjection : EntryStatus.Active,
                LegalBasis = "《中华人民共和国食品安全法》第一百二十四条第一款第（三）项",
                Summary = "当事人生产经营超范围、超限量使用食品添加剂的食品，违反了食品安全法的有关规定，依法予以行政处罚并列入严重违法失信名单。",
            }).ToList();
            var content = new ReportContent
            {
                Kind = ReportKind.Personal,
                SubjectName = "张伟",
                MaskedIdNumber = "320402********0031",
                AsOf = new DateOnly(2025, 6, 1),
                Honours = items.Where(x => x.IsRoleModel || x.ListKind == ListKind.Red).ToList(),
                BlackList = items.Where(x => !x.IsRoleModel && x.ListKind == ListKind.Black).ToList(),
            };
            var issuedAt = new DateTimeOffset(2025, 6, 1, 1, 30, 15, TimeSpan.Zero);
            const string Number = "20250601093015K7QW3M2R";
            const string Code = "ABCD2345EFGH";
            return new IssuedReport(Number, Code, issuedAt, issuedAt.AddDays(30),
                IssuedReport.BuildVerificationUrl("https://credit.changzhou.example", Number, Code), content);
        }

        /// <summary>A special report (专项信用报告) over 10 fields with <paramref name="records"/> penalties and list entries
        /// spread across them.</summary>
        public static IssuedReport SampleSpecialReport(int records, int fieldCount)
        {
            string[] fields = ["食品药品", "生态环境", "工程质量", "产品质量", "安全生产", "消防安全", "税务", "社会保险", "劳动用工", "价格"];
            var chosen = fields.Take(fieldCount).ToList();
            var results = chosen.Select((field, f) =>
            {
                var found = Enumerable.Range(0, records).Where(i => i % fieldCount == f).Select(i => new SpecialReportRecord
                {
                    Kind = i % 5 == 0 ? SpecialReportGatherer.BlackListDataset : SpecialReportGatherer.PenaltyDataset,
                    DecisionNumber = $"常市监罚〔2025〕{100 + i}号",
                    Date = new DateOnly(2024, 1, 1).AddDays(i * 7),
                    Department = i % 2 == 0 ? "常州市市场监督管理局" : "常州市生态环境局",
                    Content = "当事人生产经营超范围、超限量使用食品添加剂的食品，违反了食品安全法的有关规定，依法处以罚款人民币五万元。",
                    Status = i % 7 == 0 ? "异议处理中" : "公示中",
                }).ToList();
                return new SpecialReportField(field, found, SpecialReportGatherer.Conclude(found.Count, [SpecialReportGatherer.PenaltyDataset, SpecialReportGatherer.BlackListDataset]));
            }).ToList();
            var issuedAt = new DateTimeOffset(2025, 6, 1, 1, 30, 15, TimeSpan.Zero);
            var special = new SpecialReportContent
            {
                SubjectKind = ReportKind.Enterprise,
                SubjectName = "常州恒信建材有限公司",
                Uscc = "91320402MA1DEM5800",
                RegistryStatus = "存续",
                From = new DateOnly(2023, 6, 1),
                To = new DateOnly(2025, 6, 1),
                Fields = chosen,
                AsOf = issuedAt,
                Results = results,
                Datasets = [new(SpecialReportGatherer.PenaltyDataset, issuedAt.AddHours(-3), 1000), new(SpecialReportGatherer.BlackListDataset, issuedAt.AddHours(-5), 500)],
                NotHeld = SpecialReportRule.Default.NotHeld,
                RepairRule = SpecialReportRule.Default.RepairSentence,
            };
            var content = new ReportContent { Kind = ReportKind.Enterprise, SubjectName = special.SubjectName, Uscc = special.Uscc, AsOf = new DateOnly(2025, 6, 1) };
            const string Number = "20250601093015K7QW3M2R";
            const string Code = "ABCD2345EFGH";
            return new IssuedReport(Number, Code, issuedAt, issuedAt.AddDays(30),
                IssuedReport.BuildVerificationUrl("https://credit.changzhou.example", Number, Code), content) { Special = special };
        }

        private static string[] Fields() => ["食品药品", "生态环境", "工程质量", "安全生产", "税务", "司法执行(失信被执行人)", "价格", "合同欺诈"];
    }
}
