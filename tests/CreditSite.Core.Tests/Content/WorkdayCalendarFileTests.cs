using System.Globalization;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;

namespace CreditSite.Core.Tests.Content;

public sealed class WorkdayCalendarFileTests : IDisposable
{
    private const string FileName = "workdays-2026.yaml";
    private const string Path2026 = "content/data/workdays-2026.yaml";

    /// <summary>A valid file; the broken rows below change one piece of it, so the line numbers are these.</summary>
    private const string Valid = """
        year: 2026
        source:
          title: 国务院办公厅关于2026年部分节假日安排的通知
          number: 国办发明电〔2025〕7号
          published: 2025-11-04
          url: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
        holidays:
          - name: 春节
            days: [2026-02-15, 2026-02-16, 2026-02-17]
            workdays: [2026-02-14, 2026-02-28]
          - name: 国庆节
            days:
              - 2026-10-01
              - 2026-10-02
            workdays:
              - 2026-09-20
              - 2026-10-10

        """;

    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadsTheSourceTheClosureDaysAndTheMakeUpDays()
    {
        var problems = new List<ContentProblem>();

        var year = WorkdayCalendarFile.Parse(Valid, FileName, Path2026, problems);

        Assert.Empty(problems);
        Assert.NotNull(year);
        Assert.Equal(2026, year.Year);
        Assert.False(year.Provisional);
        Assert.Equal(new WorkdaySource("国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", Date("2025-11-04"),
            new Uri("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")), year.Source);
        Assert.Equal(["春节", "国庆节"], year.Holidays.Select(h => h.Name));
        Assert.Equal([Date("2026-10-01"), Date("2026-10-02")], year.Holidays[1].Days);
        Assert.Equal([Date("2026-02-14"), Date("2026-02-28")], year.Holidays[0].MakeUpWorkdays);
    }

    [Theory]
    // file name, text to replace in Valid, its replacement, line, message (start of)
    [InlineData(FileName, "      - 2026-10-02", "      - 2026-10-32", 14, "“2026-10-32” 不是有效的日期：应写成 yyyy-MM-dd")]
    [InlineData(FileName, "2026-02-16,", "2026-2-16,", 9, "“2026-2-16” 不是有效的日期")]
    [InlineData(FileName, "      - 2026-10-01", "      - 2025-10-01", 13, "2025-10-01 不在 2026 年：本文件只列 2026 年的日期")]
    [InlineData(FileName, "      - 2026-10-10", "      - 2026-10-02", 17, "2026-10-02 同时列为放假日（第 14 行，国庆节）和调休上班日")]
    [InlineData(FileName, "workdays: [2026-02-14,", "workdays: [2026-10-01,", 10, "2026-10-01 同时列为放假日（第 13 行，国庆节）和调休上班日")]
    [InlineData(FileName, "      - 2026-09-20", "      - 2026-09-21", 16, "调休上班日 2026-09-21 是星期一：周一至周五本来就上班")]
    [InlineData(FileName, "2026-02-28]", "2026-02-27]", 10, "调休上班日 2026-02-27 是星期五")]
    [InlineData("workdays-2027.yaml", "", "", 1, "“year: 2026” 与文件名 workdays-2027.yaml 不符")]
    [InlineData("workdays-next.yaml", "", "", 1, "文件名 “workdays-next.yaml” 应为 workdays-年份.yaml")]
    [InlineData(FileName, "source:\n  title: 国务院办公厅关于2026年部分节假日安排的通知\n  number: 国办发明电〔2025〕7号\n  published: 2025-11-04\n  url: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm\n", "", 1, "缺少 “source”：请写明依据的国务院办公厅通知")]
    [InlineData(FileName, "  number: 国办发明电〔2025〕7号\n", "", 3, "缺少必填项 “number”")]
    [InlineData(FileName, "published: 2025-11-04", "published: 2025-11-31", 5, "“published” 应为 yyyy-MM-dd 格式的日期")]
    [InlineData(FileName, "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm", "https://example.com/notice", 6, "“url” 应为中国政府网")]
    [InlineData(FileName, "关于2026年部分", "关于2025年部分", 3, "“title” 应是 2026 年的通知")]
    [InlineData(FileName, "2026-02-17]", "2026-02-16]", 9, "2026-02-16 已在第 9 行列为放假日（春节），每个日期只列一次")]
    [InlineData(FileName, "      - 2026-10-10", "      - 2026-09-20", 17, "调休上班日 2026-09-20 已在第 16 行列出")]
    [InlineData(FileName, "    days: [2026-02-15, 2026-02-16, 2026-02-17]\n", "", 8, "缺少 “days”：请逐日列出放假日期")]
    [InlineData(FileName, "year: 2026\n", "year: 2026\nprovisional: true\n", 11, "暂定（provisional: true）的年份不能列调休上班日")]
    [InlineData(FileName, "    workdays: [2026-02-14", "    workday: [2026-02-14", 10, "未知的键 “workday”")]
    [InlineData(FileName, "year: 2026\n", "", 1, "缺少必填项 “year”")]
    public void ReportsABrokenFileWithItsLineAndAChineseReason(string fileName, string find, string replacement, int line, string message)
    {
        var text = find.Length == 0 ? Valid : Valid.Replace(find, replacement, StringComparison.Ordinal);
        Assert.True(find.Length == 0 || text != Valid, "the row's text to replace is not in the valid file");
        var path = "content/data/" + fileName;
        var problems = new List<ContentProblem>();

        var year = WorkdayCalendarFile.Parse(text, fileName, path, problems);

        Assert.Null(year);
        Assert.Contains(problems, p => p.Path == path && p.Line == line && p.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AProvisionalFileNeedsNoNoticeTitleButStaysApproximate()
    {
        var text = Valid.Replace("year: 2026\n", "year: 2026\nprovisional: true\n", StringComparison.Ordinal)
            .Replace("关于2026年部分节假日安排的通知", "全国年节及纪念日放假办法", StringComparison.Ordinal)
            .Replace("    workdays: [2026-02-14, 2026-02-28]\n", "", StringComparison.Ordinal)
            .Replace("    workdays:\n      - 2026-09-20\n      - 2026-10-10\n", "", StringComparison.Ordinal);
        var problems = new List<ContentProblem>();

        var year = WorkdayCalendarFile.Parse(text, FileName, Path2026, problems);

        Assert.Empty(problems);
        Assert.True(year!.Provisional);
        Assert.True(new WorkdayCalendar([year]).IsApproximate(Date("2026-02-17")));
    }

    [Fact]
    public void TheContentLibraryExposesTheCalendarFromItsDataFolder()
    {
        _folder.Write("data/workdays-2026.yaml", Valid);

        var workdays = ContentLibrary.Load(_folder.Root).Workdays;

        Assert.Equal([2026], workdays.CoveredYears);
        Assert.False(workdays.IsWorkingDay(Date("2026-02-16")));
        Assert.True(workdays.IsWorkingDay(Date("2026-02-14")));
    }

    [Fact]
    public void WithoutFilesTheLibraryFallsBackToMondayToFriday()
    {
        var workdays = ContentLibrary.Load(_folder.Root).Workdays;

        Assert.Empty(workdays.CoveredYears);
        Assert.True(workdays.IsApproximate(Date("2026-02-16")));
    }

    [Fact]
    public void ABrokenFileStopsTheWholeLibraryNamingFileAndLine()
    {
        _folder.Write("data/workdays-2026.yaml", Valid.Replace("      - 2026-09-20", "      - 2026-09-21", StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => ContentLibrary.Load(_folder.Root));

        Assert.Contains("content/data/workdays-2026.yaml:16: 调休上班日 2026-09-21 是星期一", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealContentFolderCovers2025To2027()
    {
        var workdays = ContentLibrary.Load(Path.Combine(SiteRoot.Find(), "content")).Workdays;

        Assert.Equal([2025, 2026, 2027], workdays.CoveredYears);
        Assert.Equal([2025, 2026], workdays.ConfirmedYears);
        Assert.Equal("国办发明电〔2024〕12号", workdays.YearOf(Date("2025-06-01"))!.Source.Number);
        Assert.Equal("国办发明电〔2025〕7号", workdays.YearOf(Date("2026-06-01"))!.Source.Number);
        Assert.All(workdays.Years, y => Assert.Equal("www.gov.cn", y.Source.Url.Host));

        // 2026 Spring Festival: closed Sunday 15 to Monday 23 February, Saturdays 14 and 28 worked.
        Assert.True(workdays.IsWorkingDay(Date("2026-02-14")));
        Assert.All(Enumerable.Range(15, 9), d => Assert.Equal("春节", workdays.HolidayOn(new DateOnly(2026, 2, d))));
        Assert.True(workdays.IsWorkingDay(Date("2026-02-28")));
        Assert.True(workdays.IsWorkingDay(Date("2025-01-26"))); // a Sunday
        Assert.Equal(Date("2026-10-15"), workdays.AddWorkingDays(Date("2026-09-30"), 7));
        Assert.Equal(Date("2025-10-16"), workdays.AddWorkingDays(Date("2025-09-30"), 7));

        // 2027 awaits its notice: the statutory days only, no make-up days, every answer approximate.
        var year2027 = workdays.YearOf(Date("2027-01-01"))!;
        Assert.True(year2027.Provisional);
        Assert.Empty(year2027.Holidays.SelectMany(h => h.MakeUpWorkdays));
        Assert.Equal(13, year2027.Holidays.Sum(h => h.Days.Count));
        Assert.False(workdays.IsWorkingDay(Date("2027-02-05"))); // Friday, 除夕
        Assert.True(workdays.IsApproximate(Date("2027-06-09")));
    }

    [Fact]
    public void EachConfirmedYearLosesExactlyItsThirteenStatutoryDays()
    {
        // Since 2025 the regulation gives 13 statutory days; every bridge day a notice adds is made up on a weekend.
        // A day mistyped or left out of a file breaks this count. (If a notice ever breaks the rule itself, say so here.)
        var workdays = ContentLibrary.Load(Path.Combine(SiteRoot.Find(), "content")).Workdays;

        foreach (var year in workdays.ConfirmedYears)
        {
            var first = new DateOnly(year, 1, 1);
            var weekdays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(first.AddDays)
                .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            var working = workdays.WorkingDaysBetween(first.AddDays(-1), new DateOnly(year, 12, 31));
            Assert.True(weekdays - 13 == working, $"{year}: {working} working days, expected {weekdays} weekdays - 13");
        }
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
