using System.Globalization;
using CreditSite.Domain;

namespace CreditSite.Core.Tests.Domain;

/// <summary>The calendar built by hand from the two notices (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for
/// 2026), independent of the YAML files, so a wrong rule and a wrong file fail different tests.</summary>
public sealed class WorkdayCalendarTests
{
    private static readonly WorkdaySource Notice = new("国务院办公厅关于部分节假日安排的通知", "国办发明电", new DateOnly(2025, 11, 4), new Uri("https://www.gov.cn/"));

    private static readonly WorkdayYear Year2025 = new(2025, Notice,
    [
        Holiday("元旦", "2025-01-01", "2025-01-01"),
        Holiday("春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"),
        Holiday("清明节", "2025-04-04", "2025-04-06"),
        Holiday("劳动节", "2025-05-01", "2025-05-05", "2025-04-27"),
        Holiday("端午节", "2025-05-31", "2025-06-02"),
        Holiday("国庆节、中秋节", "2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11"),
    ]);

    private static readonly WorkdayYear Year2026 = new(2026, Notice,
    [
        Holiday("元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
        Holiday("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"),
        Holiday("清明节", "2026-04-04", "2026-04-06"),
        Holiday("劳动节", "2026-05-01", "2026-05-05", "2026-05-09"),
        Holiday("端午节", "2026-06-19", "2026-06-21"),
        Holiday("中秋节", "2026-09-25", "2026-09-27"),
        Holiday("国庆节", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"),
    ]);

    private static readonly WorkdayCalendar Calendar = new([Year2026, Year2025]);

    [Theory]
    // day, working?, the holiday it closes for (or empty)
    [InlineData("2026-02-14", true, "")] // Saturday before the Spring Festival: make-up working day
    [InlineData("2026-02-15", false, "春节")] // Sunday, first closure day
    [InlineData("2026-02-17", false, "春节")] // Tuesday, 正月初一
    [InlineData("2026-02-23", false, "春节")] // Monday, last closure day
    [InlineData("2026-02-24", true, "")]
    [InlineData("2026-02-28", true, "")] // Saturday after: make-up working day
    [InlineData("2026-03-01", false, "")] // an ordinary Sunday
    [InlineData("2026-03-02", true, "")] // an ordinary Monday
    [InlineData("2026-01-02", false, "元旦")]
    [InlineData("2026-01-04", true, "")] // Sunday after New Year
    [InlineData("2026-10-07", false, "国庆节")] // Wednesday
    [InlineData("2026-10-10", true, "")]
    [InlineData("2025-01-26", true, "")] // Sunday before the 2025 Spring Festival
    [InlineData("2025-01-28", false, "春节")] // 除夕, a statutory day since 2025
    [InlineData("2025-05-02", false, "劳动节")] // the day Labour Day gained in 2025
    [InlineData("2025-10-08", false, "国庆节、中秋节")]
    [InlineData("2025-10-11", true, "")]
    public void KnowsClosureDaysAndMakeUpWorkingDaysFromTheNotices(string day, bool working, string holiday)
    {
        var date = Date(day);

        Assert.Equal(working, Calendar.IsWorkingDay(date));
        Assert.Equal(holiday.Length == 0 ? null : holiday, Calendar.HolidayOn(date));
        Assert.Equal(working && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, Calendar.IsMakeUpWorkday(date));
        Assert.True(Calendar.Covers(date));
        Assert.False(Calendar.IsApproximate(date));
    }

    [Theory]
    // decision day, n, the nth working day after it
    [InlineData("2026-09-30", 7, "2026-10-15")] // eve of National Day: Oct 8, 9, 10 (Sat, make-up), 12, 13, 14, 15
    [InlineData("2025-09-30", 7, "2025-10-16")] // 2025: closed to Oct 8; Oct 9, 10, 11 (Sat), 13, 14, 15, 16
    [InlineData("2026-02-13", 1, "2026-02-14")] // Friday before the Spring Festival: the make-up Saturday is next
    [InlineData("2026-02-13", 5, "2026-02-27")] // Feb 14, then nothing until Feb 24, 25, 26, 27
    [InlineData("2026-02-14", 1, "2026-02-24")] // start does not count even when it is a working day
    [InlineData("2026-02-17", 1, "2026-02-24")] // nor when it is a closure day
    [InlineData("2026-02-27", 1, "2026-02-28")] // Friday, then the make-up Saturday
    [InlineData("2025-12-31", 3, "2026-01-06")] // across the year end: Jan 1-3 closed, Jan 4 (Sun) make-up, 5, 6
    [InlineData("2026-03-02", 0, "2026-03-02")]
    [InlineData("2026-02-15", 0, "2026-02-15")] // zero returns the start unchanged, closure day or not
    [InlineData("2026-10-08", -1, "2026-09-30")] // backwards: the last working day before the holiday
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-02-24", -2, "2026-02-13")]
    public void AddsWorkingDaysSkippingClosureDaysAndCountingMakeUpDays(string start, int n, string expected)
    {
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), n));
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-15", 7)]
    [InlineData("2026-10-15", "2026-09-30", -7)]
    [InlineData("2026-02-13", "2026-02-27", 5)]
    [InlineData("2026-02-14", "2026-02-23", 0)] // only closure days after the make-up Saturday
    [InlineData("2026-02-15", "2026-02-14", -1)] // one step back onto a working day
    [InlineData("2026-05-08", "2026-05-08", 0)]
    [InlineData("2026-01-01", "2026-12-31", 248)] // 261 weekdays - 19 weekday closure days + 6 make-up days
    [InlineData("2025-01-01", "2025-12-31", 248)] // 261 - 18 + 5: 365 days - 104 weekend days - 13 statutory days
    public void CountsWorkingDaysAfterFromUpToAndIncludingTo(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Date(from), Date(to)));
    }

    [Fact]
    public void CountingUndoesAdding()
    {
        // Starts on closure days, make-up days, weekends and year ends, in both directions.
        foreach (var start in new[] { "2026-02-14", "2026-02-17", "2026-03-01", "2026-09-30", "2025-12-31", "2026-10-10" })
        {
            for (var n = -40; n <= 40; n++)
            {
                var end = Calendar.AddWorkingDays(Date(start), n);
                Assert.Equal(n, Calendar.WorkingDaysBetween(Date(start), end));
                Assert.True(n == 0 || Calendar.IsWorkingDay(end), $"{start} {n:+0;-0} → {end} is not a working day");
            }
        }
    }

    [Fact]
    public void OutsideTheCoveredYearsFallsBackToMondayToFridayAndSaysSo()
    {
        var nationalDay2024 = Date("2024-10-01"); // a Tuesday, closed in reality but unknown to this calendar

        Assert.False(Calendar.Covers(nationalDay2024));
        Assert.True(Calendar.IsWorkingDay(nationalDay2024));
        Assert.True(Calendar.IsApproximate(nationalDay2024));
        Assert.False(Calendar.IsWorkingDay(Date("2024-10-05")));
        Assert.Equal(Date("2024-10-09"), Calendar.AddWorkingDays(Date("2024-09-30"), 7));
        Assert.Null(Calendar.YearOf(nationalDay2024));
        Assert.Equal([2025, 2026], Calendar.CoveredYears);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-15", false)]
    [InlineData("2025-12-20", "2026-01-10", false)]
    [InlineData("2026-12-20", "2027-01-10", true)] // runs into 2027, which this calendar lacks
    [InlineData("2027-01-10", "2026-12-20", true)]
    [InlineData("2024-12-31", "2026-06-01", true)]
    public void MarksASpanApproximateWhenAnyOfItsYearsIsNotConfirmed(string from, string to, bool approximate)
    {
        Assert.Equal(approximate, Calendar.IsApproximate(Date(from), Date(to)));
    }

    [Fact]
    public void AProvisionalYearKnowsItsStatutoryDaysButStaysApproximate()
    {
        var year2027 = new WorkdayYear(2027, Notice, [Holiday("春节", "2027-02-05", "2027-02-08")], Provisional: true);
        var calendar = new WorkdayCalendar([Year2026, year2027]);

        Assert.True(calendar.Covers(Date("2027-02-05")));
        Assert.False(calendar.IsWorkingDay(Date("2027-02-05"))); // Friday, 除夕
        Assert.False(calendar.IsWorkingDay(Date("2027-02-08"))); // Monday, 正月初三
        Assert.True(calendar.IsApproximate(Date("2027-02-05")));
        Assert.True(calendar.IsApproximate(Date("2026-12-31"), Date("2027-01-04")));
        Assert.Equal([2026, 2027], calendar.CoveredYears);
        Assert.Equal([2026], calendar.ConfirmedYears);
    }

    [Fact]
    public void WeekdaysOnlyCoversNothing()
    {
        Assert.False(WorkdayCalendar.WeekdaysOnly.Covers(Date("2026-02-17")));
        Assert.True(WorkdayCalendar.WeekdaysOnly.IsWorkingDay(Date("2026-02-17")));
        Assert.False(WorkdayCalendar.WeekdaysOnly.IsWorkingDay(Date("2026-02-14")));
        Assert.Empty(WorkdayCalendar.WeekdaysOnly.CoveredYears);
    }

    [Fact]
    public void RefusesTheSameYearTwiceAndADayBothClosedAndWorking()
    {
        Assert.Throws<ArgumentException>(() => new WorkdayCalendar([Year2026, Year2026]));
        var clash = new WorkdayYear(2026, Notice, [Holiday("春节", "2026-02-15", "2026-02-23", "2026-02-15")]);
        Assert.Throws<ArgumentException>(() => new WorkdayCalendar([clash]));
    }

    [Fact]
    public void RefusesToRunPastTheLastDate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(DateOnly.MaxValue.AddDays(-3), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(DateOnly.MinValue, -1));
    }

    private static PublicHoliday Holiday(string name, string first, string last, params string[] makeUpWorkdays)
    {
        var days = new List<DateOnly>();
        for (var day = Date(first); day <= Date(last); day = day.AddDays(1))
        {
            days.Add(day);
        }

        return new PublicHoliday(name, days, [.. makeUpWorkdays.Select(Date)]);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
