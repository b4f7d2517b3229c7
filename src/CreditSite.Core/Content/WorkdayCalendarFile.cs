using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>Reads the working-day calendar from <c>content/data/workdays-YYYY.yaml</c>, one file per year, each
/// copied from the State Council General Office's annual notice (see docs/working-days.md). Every problem is reported
/// with its file and line; a broken file makes the content library refuse to load, so start-up stops.</summary>
public static partial class WorkdayCalendarFile
{
    /// <summary>The files read, in <c>content/data/</c>.</summary>
    public const string SearchPattern = "workdays-*.yaml";

    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>Reads every <see cref="SearchPattern"/> file in <paramref name="dataFolder"/>. No file means
    /// <see cref="WorkdayCalendar.WeekdaysOnly"/>; so does any problem (which is then in <paramref name="problems"/>).</summary>
    public static WorkdayCalendar LoadAll(string dataFolder, Func<string, string> display, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(problems);
        if (!Directory.Exists(dataFolder))
        {
            return WorkdayCalendar.WeekdaysOnly;
        }

        var before = problems.Count;
        var years = new List<WorkdayYear>();
        foreach (var file in Directory.EnumerateFiles(dataFolder, SearchPattern, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new ContentProblem(display(file), 1, "文件不是 UTF-8 编码，请另存为 UTF-8。"));
                continue;
            }

            if (Parse(text, Path.GetFileName(file), display(file), problems) is { } year)
            {
                years.Add(year);
            }
        }

        return problems.Count > before ? WorkdayCalendar.WeekdaysOnly : new WorkdayCalendar(years);
    }

    /// <summary>Reads one file's text. <paramref name="fileName"/> must be <c>workdays-YYYY.yaml</c> with the year the
    /// file gives; <paramref name="path"/> is how problems name the file. Null when anything is wrong.</summary>
    public static WorkdayYear? Parse(string yaml, string fileName, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var nameMatch = FileNameShape().Match(fileName);
        if (!nameMatch.Success)
        {
            problems.Add(new ContentProblem(path, 1, $"文件名 “{fileName}” 应为 workdays-年份.yaml，例如 workdays-2026.yaml。"));
        }

        var root = FrontMatter.ParseRoot(yaml, path, 1, problems);
        if (root is not YamlMappingNode mapping)
        {
            if (problems.Count == before || root is not null)
            {
                problems.Add(new ContentProblem(path, root is null ? 1 : Line(root), root is null
                    ? "文件为空：应写明 year、source 和 holidays（格式见 docs/working-days.md）。"
                    : "应为 “键: 值” 的形式，写明 year、source 和 holidays（格式见 docs/working-days.md）。"));
            }

            return null;
        }

        var record = new ContentRecord(mapping, path, 1, problems);
        var year = record.RequiredInt("year", 2000, 2100);
        if (year is { } y && nameMatch.Success && int.Parse(nameMatch.Groups[1].Value, CultureInfo.InvariantCulture) != y)
        {
            problems.Add(new ContentProblem(path, record.LineOfKey("year"),
                $"“year: {y}” 与文件名 {fileName} 不符：每年一个文件，文件名中的年份应与 year 相同。"));
        }

        var provisional = record.OptionalBool("provisional");
        var source = ReadSource(record, year, provisional);
        var holidays = ReadHolidays(record, year, provisional);
        record.ReportUnknownKeys();
        return problems.Count > before || year is null || source is null
            ? null
            : new WorkdayYear(year.Value, source, holidays, provisional);
    }

    private static WorkdaySource? ReadSource(ContentRecord record, int? year, bool provisional)
    {
        var node = record.Node("source");
        if (node is null)
        {
            record.Report($"缺少 “source”：请写明依据的国务院办公厅通知（title、number、published、url），"
                + $"即《国务院办公厅关于{year?.ToString(CultureInfo.InvariantCulture) ?? "YYYY"}年部分节假日安排的通知》。");
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            record.Report(node, "“source” 应包含 title、number、published、url 四项（每项一行，缩进两格）。");
            return null;
        }

        var source = new ContentRecord(mapping, record.Path, 1, record.Problems);
        var title = source.RequiredText("title");
        var number = source.RequiredText("number");
        var published = source.RequiredDate("published");
        var url = source.RequiredText("url");
        source.ReportUnknownKeys();
        if (title is not null && year is { } y && !provisional && !title.Contains($"{y}年", StringComparison.Ordinal))
        {
            record.Problems.Add(new ContentProblem(record.Path, source.LineOfKey("title"),
                $"“title” 应是 {y} 年的通知（国务院办公厅关于{y}年部分节假日安排的通知），实为 “{title}”。"));
        }

        Uri? address = null;
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out address)
            && address.Scheme is "https" or "http" && address.Host == "www.gov.cn"))
        {
            record.Problems.Add(new ContentProblem(record.Path, source.LineOfKey("url"),
                $"“url” 应为中国政府网（https://www.gov.cn/…）上该文件的网址，实为 “{url}”。"));
            address = null;
        }

        return title is null || number is null || published is null || address is null
            ? null
            : new WorkdaySource(title, number, published.Value, address);
    }

    private static List<PublicHoliday> ReadHolidays(ContentRecord record, int? year, bool provisional)
    {
        var holidays = new List<PublicHoliday>();
        if (!record.Has("holidays"))
        {
            record.Report("缺少 “holidays”：请按通知逐个列出节日，每个节日写 name 和 days（放假日期），有调休上班的再写 workdays。");
            return holidays;
        }

        var items = record.RecordList("holidays");
        if (items.Count == 0 && record.Node("holidays") is YamlSequenceNode { Children.Count: 0 } or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            record.Problems.Add(new ContentProblem(record.Path, record.LineOfKey("holidays"), "“holidays” 至少要列出一个节日。"));
        }

        // Every closure day with its line and holiday, to find a day listed twice or listed as a make-up day too.
        var closures = new Dictionary<DateOnly, (int Line, string Name)>();
        var makeUps = new List<(DateOnly Day, int Line)>();
        foreach (var item in items)
        {
            var name = item.RequiredText("name");
            var days = ReadDates(item, "days", year, required: true);
            var workdays = ReadDates(item, "workdays", year, required: false);
            item.ReportUnknownKeys();
            if (provisional && item.Node("workdays") is { } workdaysNode && workdays.Count > 0)
            {
                item.Report(workdaysNode, "暂定（provisional: true）的年份不能列调休上班日：调休上班日只能照国务院办公厅的通知填写，通知发布后再补。");
            }

            foreach (var (day, line) in days)
            {
                if (!closures.TryAdd(day, (line, name ?? "")))
                {
                    record.Problems.Add(new ContentProblem(record.Path, line,
                        $"{day:yyyy-MM-dd} 已在第 {closures[day].Line} 行列为放假日（{closures[day].Name}），每个日期只列一次。"));
                }
            }

            foreach (var (day, line) in workdays)
            {
                makeUps.Add((day, line));
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    record.Problems.Add(new ContentProblem(record.Path, line,
                        $"调休上班日 {day:yyyy-MM-dd} 是{WeekdayNames[(int)day.DayOfWeek]}：周一至周五本来就上班，只有通知写明上班的周六、周日才列在 workdays 里。"));
                }
            }

            if (name is not null)
            {
                holidays.Add(new PublicHoliday(name, [.. days.Select(d => d.Day)], [.. workdays.Select(d => d.Day)]));
            }
        }

        var seen = new Dictionary<DateOnly, int>();
        foreach (var (day, line) in makeUps)
        {
            if (closures.TryGetValue(day, out var closure))
            {
                record.Problems.Add(new ContentProblem(record.Path, line,
                    $"{day:yyyy-MM-dd} 同时列为放假日（第 {closure.Line} 行，{closure.Name}）和调休上班日，请对照通知改正其中一处。"));
            }
            else if (!seen.TryAdd(day, line))
            {
                record.Problems.Add(new ContentProblem(record.Path, line,
                    $"调休上班日 {day:yyyy-MM-dd} 已在第 {seen[day]} 行列出，每个日期只列一次。"));
            }
        }

        return holidays;
    }

    /// <summary>A list of yyyy-MM-dd dates in <paramref name="year"/>, each with its line.</summary>
    private static List<(DateOnly Day, int Line)> ReadDates(ContentRecord item, string key, int? year, bool required)
    {
        var dates = new List<(DateOnly, int)>();
        var node = item.Node(key);
        var example = $"[{year ?? 2026}-10-01, {year ?? 2026}-10-02]";
        if (node is null or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            if (required)
            {
                item.Problems.Add(new ContentProblem(item.Path, node is null ? item.Line : item.LineOf(node),
                    $"缺少 “{key}”：请逐日列出放假日期，例如 {example}。"));
            }

            return dates;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        if (node is YamlMappingNode)
        {
            item.Report(node, $"“{key}” 应为日期列表，例如 {example}。");
            return dates;
        }

        foreach (var entry in items)
        {
            var text = (entry as YamlScalarNode)?.Value?.Trim() ?? "";
            var line = item.LineOf(entry);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                item.Problems.Add(new ContentProblem(item.Path, line,
                    $"“{text}” 不是有效的日期：应写成 yyyy-MM-dd，例如 {year ?? 2026}-10-01。"));
            }
            else if (year is { } y && day.Year != y)
            {
                item.Problems.Add(new ContentProblem(item.Path, line,
                    $"{day:yyyy-MM-dd} 不在 {y} 年：本文件只列 {y} 年的日期，其他年份的日期写进那一年的文件。"));
            }
            else
            {
                dates.Add((day, line));
            }
        }

        if (required && dates.Count == 0 && node is YamlSequenceNode { Children.Count: 0 })
        {
            item.Report(node, $"“{key}” 至少要有一个日期。");
        }

        return dates;
    }

    private static int Line(YamlNode node) => (int)Math.Max(node.Start.Line, 1);

    [GeneratedRegex(@"^workdays-(\d{4})\.yaml$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameShape();
}
