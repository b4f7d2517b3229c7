using System.Globalization;

namespace CreditSite.Import;

/// <summary>One reason a file was rejected: the line (1-based, as an editor shows it; the header is line 1 of a
/// CSV file), the column when one is at fault, and the reason in Chinese. Never holds a full resident ID number.</summary>
public sealed record ImportProblem(int Line, string? Column, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"第 {Line} 行") : "文件";
        return Column is null ? $"{where}：{Message}" : $"{where}，{Column} 列：{Message}";
    }
}

/// <summary>What the validation pass found. Accepted only when there is no problem at all (all-or-nothing).</summary>
public sealed class ImportReport
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<string> _warnings = [];

    public ImportReport(string fileName) => FileName = fileName;

    public string FileName { get; }

    public ImportFileFormat Format { get; internal set; }

    /// <summary>Data rows read (blank lines not counted).</summary>
    public long Rows { get; internal set; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public bool Accepted => _problems.Count == 0;

    /// <summary>Rows written otherwise than the file says, and why (a decision on a record: credit repair, objection).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    internal void AddWarning(string warning) => _warnings.Add(warning);

    /// <summary>How many distinct rows have at least one problem (file-level problems not counted).</summary>
    public int BadRows => _problems.Where(p => p.Line > 0).Select(p => p.Line).Distinct().Count();

    internal void Add(ImportProblem problem) => _problems.Add(problem);

    internal void Add(int line, string? column, string message) => _problems.Add(new ImportProblem(line, column, message));

    /// <summary>The report as people read it: a summary line, then every problem, one per line.</summary>
    public string Describe()
    {
        if (Accepted)
        {
            var accepted = string.Create(CultureInfo.InvariantCulture, $"{FileName}：校验通过，共 {Rows} 条。");
            return _warnings.Count == 0
                ? accepted
                : string.Join(Environment.NewLine, [accepted, string.Create(CultureInfo.InvariantCulture, $"提示 {_warnings.Count} 条："), .. _warnings.Select(w => "  " + w)]);
        }

        var lines = new List<string>(_problems.Count + 1)
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{FileName}：导入被拒绝，未写入任何数据。发现 {_problems.Count} 个问题（涉及 {BadRows} 行），请修正后重新导入："),
        };
        lines.AddRange(_problems.Select(p => "  " + p));
        return string.Join(Environment.NewLine, lines);
    }
}
