using System.Text;
using CreditSite.Import;

namespace CreditSite.Core.Tests.Import;

/// <summary>Reading import files: CSV quoting and line numbers, byte order mark, JSON Lines, and what is wrong with a
/// file as a whole (empty, no data, header, encoding).</summary>
public sealed class ImportFileReaderTests : IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (List<ImportRow> Rows, ImportReport Report) Read(string path)
    {
        var report = new ImportReport(Path.GetFileName(path));
        using var reader = new ImportFileReader(path, ListImportColumns.Set);
        return (reader.ReadRows(report).ToList(), report);
    }

    [Fact]
    public void ReadsQuotedValuesWithCommasQuotesAndLineBreaks()
    {
        var summary = "经营超过保质期的食品，\"情节严重\",\n并拒不改正；\r\n二次检查仍未整改。";
        var path = _files.Csv(ImportFiles.With(ImportFiles.Organisation(), "summary", summary), ImportFiles.Person());

        var (rows, report) = Read(path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(2, rows.Count);
        Assert.Equal(summary, rows[0]["summary"]);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(5, rows[1].Line); // the quoted value spans lines 2–4
    }

    [Fact]
    public void CountsLinesOfMultiLineValuesWhenReportingALaterBadRow()
    {
        var path = _files.Csv(
            ImportFiles.With(ImportFiles.Organisation("M-1"), "summary", "第一行\n第二行\n第三行"),
            ImportFiles.With(ImportFiles.Honour("M-2"), "field", "不存在的领域"));

        var problem = Assert.Single(_files.Importer().Validate(path).Problems);

        Assert.Equal(5, problem.Line);
        Assert.Equal("field", problem.Column);
    }

    [Fact]
    public void ToleratesAByteOrderMark()
    {
        var text = File.ReadAllText(_files.Csv(ImportFiles.Organisation()));
        var path = _files.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)]);

        var report = _files.Importer().Validate(path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(1, report.Rows);
    }

    [Fact]
    public void RejectsAnEmptyFile()
    {
        var report = _files.Importer().Validate(_files.Write("empty.csv", ""));

        var problem = Assert.Single(report.Problems);
        Assert.Contains("文件为空", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAHeaderWithoutDataRows()
    {
        var report = _files.Importer().Validate(_files.Csv());

        var problem = Assert.Single(report.Problems);
        Assert.Contains("没有数据行", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAHeaderMissingARequiredColumnAndNamesIt()
    {
        var header = ImportColumnsWithout("status");
        var report = _files.Importer().Validate(_files.Csv(header, ImportFiles.Organisation()));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Equal("status", problem.Column);
        Assert.Contains("表头缺少必需的列", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAHeaderWithoutOptionalColumns()
    {
        var header = ImportColumnsWithout("id_number", "legal_basis", "summary");
        var report = _files.Importer().Validate(_files.Csv(header, ImportFiles.Organisation(), ImportFiles.Honour()));

        Assert.True(report.Accepted, report.Describe());
    }

    [Fact]
    public void RejectsAnUnknownHeaderColumn()
    {
        var header = ListImportColumns.All.Select(c => c == "subject_name" ? "subjet_name" : c).ToList();
        var report = _files.Importer().Validate(_files.Csv(header, ImportFiles.Organisation()));

        Assert.Contains(report.Problems, p => p.Line == 1 && p.Message.Contains("未知的列“subjet_name”", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 1 && p.Column == "subject_name");
    }

    [Fact]
    public void RejectsARowWithTheWrongNumberOfColumns()
    {
        var text = File.ReadAllText(_files.Csv(ImportFiles.Organisation("C-1"))) + "C-2,black,legal_person,未加引号的名称,含逗号\n";
        var report = _files.Importer().Validate(_files.Write("columns.csv", text));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("本行有 5 列，表头有 15 列", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAFileThatIsNotUtf8AndSaysFromWhichLine()
    {
        var text = File.ReadAllText(_files.Csv(ImportFiles.Organisation("G-1"), ImportFiles.Honour("G-2")));
        // The same text saved as GBK would turn every Chinese character into bytes that are not valid UTF-8;
        // here line 3 carries such bytes (0xB3 0xA3 is 常 in GBK).
        var bytes = new List<byte>(new UTF8Encoding(false).GetBytes(text));
        var thirdLine = IndexOfLine(bytes, 3);
        bytes.InsertRange(thirdLine + "G-2,red,legal_person,".Length, [0xB3, 0xA3]);

        var report = _files.Importer().Validate(_files.WriteBytes("gbk.csv", [.. bytes]));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("不是有效的 UTF-8 编码", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsJsonLines()
    {
        var path = _files.JsonLines(ImportFiles.Organisation(), ImportFiles.Person(), ImportFiles.Honour());

        var (rows, report) = Read(path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(ImportFileFormat.JsonLines, report.Format);
        Assert.Equal(3, rows.Count);
        Assert.Equal("王伟", rows[1]["subject_name"]);
    }

    [Fact]
    public void RejectsBrokenJsonLinesWithTheirLineNumbers()
    {
        var good = File.ReadAllText(_files.JsonLines(ImportFiles.Organisation("J-1")));
        var text = good + "{\"entry_id\": \"J-2\", \"list_kind\": \n" + "\n" + "[1, 2]\n" + "{\"entry_id\": \"J-4\", \"colour\": \"red\"}\n";
        var report = _files.Importer().Validate(_files.Write("broken.jsonl", text));

        Assert.Contains(report.Problems, p => p.Line == 2 && p.Message.Contains("不是有效的 JSON", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Message.Contains("应是一个 JSON 对象", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 5 && p.Message.Contains("未知的字段“colour”", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.Line == 3);
    }

    [Theory]
    [InlineData("entries.csv", ImportFileFormat.Csv)]
    [InlineData("entries.jsonl", ImportFileFormat.JsonLines)]
    [InlineData("entries.ndjson", ImportFileFormat.JsonLines)]
    public void DetectsTheFormatFromTheExtension(string name, ImportFileFormat expected)
    {
        Assert.Equal(expected, ImportFileReader.Detect(_files.Write(name, "x")));
    }

    [Fact]
    public void DetectsJsonLinesWithoutAnExtensionFromTheFirstCharacter()
    {
        var path = _files.Write("export", File.ReadAllText(_files.JsonLines(ImportFiles.Organisation())));

        Assert.Equal(ImportFileFormat.JsonLines, ImportFileReader.Detect(path));
        Assert.True(_files.Importer().Validate(path).Accepted);
    }

    private static List<string> ImportColumnsWithout(params string[] columns) =>
        ListImportColumns.All.Where(c => !columns.Contains(c)).ToList();

    private static int IndexOfLine(List<byte> bytes, int line)
    {
        var current = 1;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (current == line)
            {
                return i;
            }

            if (bytes[i] == (byte)'\n')
            {
                current++;
            }
        }

        throw new InvalidOperationException("No such line.");
    }
}
