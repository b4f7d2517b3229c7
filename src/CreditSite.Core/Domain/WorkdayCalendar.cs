namespace CreditSite.Domain;

/// <summary>The document a year's calendar was taken from: the State Council General Office's annual notice
/// (国务院办公厅关于YYYY年部分节假日安排的通知), or, for a provisional year, the holiday regulation itself.</summary>
public sealed record WorkdaySource(string Title, string Number, DateOnly Published, Uri Url);

/// <summary>One holiday of a year as the notice arranges it: every closure day (weekend days included) and the
/// weekend days that are working days in exchange (调休上班).</summary>
public sealed record PublicHoliday(string Name, IReadOnlyList<DateOnly> Days, IReadOnlyList<DateOnly> MakeUpWorkdays);

/// <summary>One calendar year's holidays. <see cref="Provisional"/>: the year's notice is not out yet, so only the
/// statutory holiday days are listed and bridge days and make-up working days are still unknown.</summary>
public sealed record WorkdayYear(int Year, WorkdaySource Source, IReadOnlyList<PublicHoliday> Holidays, bool Provisional = false);

/// <summary>The working-day calendar (工作日历) of mainland China's public offices: Monday to Friday, except the
/// closure days of the public holidays, plus the weekend days the annual notice makes working days. Pure data, no IO;
/// the content library reads it from <c>content/data/workdays-YYYY.yaml</c>.
/// <para>For a year it does not cover (no file) it falls back to Monday–Friday; for a provisional year it knows the
/// statutory holiday days only. Either way the answer may change when the notice is entered, and
/// <see cref="IsApproximate(DateOnly, DateOnly)"/> says so, so a page can mark a deadline as approximate (约).</para></summary>
public sealed class WorkdayCalendar
{
    /// <summary>No year covered: Monday to Friday everywhere, every answer approximate.</summary>
    public static readonly WorkdayCalendar WeekdaysOnly = new([]);

    private readonly Dictionary<int, WorkdayYear> _years;
    private readonly Dictionary<DateOnly, string> _closures = [];
    private readonly Dictionary<DateOnly, string> _makeUpWorkdays = [];

    /// <exception cref="ArgumentException">Two entries for one year, or a day both closed and a make-up working day.</exception>
    public WorkdayCalendar(IEnumerable<WorkdayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = [];
        foreach (var year in years)
        {
            if (!_years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"The year {year.Year} is given twice.", nameof(years));
            }

            foreach (var holiday in year.Holidays)
            {
                foreach (var day in holiday.Days)
                {
                    _closures.TryAdd(day, holiday.Name);
                }

                foreach (var day in holiday.MakeUpWorkdays)
                {
                    _makeUpWorkdays.TryAdd(day, holiday.Name);
                }
            }
        }

        var both = _closures.Keys.Where(_makeUpWorkdays.ContainsKey).Order().ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"{both[0]:yyyy-MM-dd} is both a closure day and a make-up working day.", nameof(years));
        }

        Years = [.. _years.Values.OrderBy(y => y.Year)];
        CoveredYears = [.. Years.Select(y => y.Year)];
        ConfirmedYears = [.. Years.Where(y => !y.Provisional).Select(y => y.Year)];
    }

    /// <summary>Every year the calendar has, oldest first.</summary>
    public IReadOnlyList<WorkdayYear> Years { get; }

    /// <summary>The years with a file, provisional ones included: their listed holiday days apply.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>The years whose notice has been entered: answers inside them are exact.</summary>
    public IReadOnlyList<int> ConfirmedYears { get; }

    /// <summary>True when the calendar has the day's year (confirmed or provisional).</summary>
    public bool Covers(DateOnly day) => _years.ContainsKey(day.Year);

    /// <summary>The year's entry, or null when the calendar does not cover it.</summary>
    public WorkdayYear? YearOf(DateOnly day) => _years.GetValueOrDefault(day.Year);

    /// <summary>True when the answer for this day may still change: its year is not covered (Monday–Friday is
    /// assumed) or only provisionally (the notice's bridge and make-up days are missing).</summary>
    public bool IsApproximate(DateOnly day) => !(_years.TryGetValue(day.Year, out var year) && !year.Provisional);

    /// <summary>True when any day from <paramref name="from"/> to <paramref name="to"/> (either order) is approximate,
    /// i.e. a count or a deadline computed across them should be shown as approximate.</summary>
    public bool IsApproximate(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!_years.TryGetValue(year, out var entry) || entry.Provisional)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The holiday a day is a closure day of (春节, 国庆节, …), or null.</summary>
    public string? HolidayOn(DateOnly day) => _closures.GetValueOrDefault(day);

    /// <summary>True when the day is a make-up working day (a Saturday or Sunday the notice makes a working day).</summary>
    public bool IsMakeUpWorkday(DateOnly day) => _makeUpWorkdays.ContainsKey(day);

    /// <summary>Listed closure days are off; listed make-up days are working days; otherwise Monday to Friday.</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_closures.ContainsKey(day))
        {
            return false;
        }

        return _makeUpWorkdays.ContainsKey(day) || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="n"/>th working day after <paramref name="start"/>; <paramref name="start"/> itself
    /// does not count, whether or not it is a working day ("within 7 working days of the decision" ends on
    /// <c>AddWorkingDays(decision, 7)</c>). A negative <paramref name="n"/> counts backwards: the |n|th working day
    /// before <paramref name="start"/>. Zero returns <paramref name="start"/> unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The answer would fall outside the dates DateOnly can hold.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = Math.Sign(n);
        var day = start;
        for (var remaining = Math.Abs((long)n); remaining > 0;)
        {
            day = Next(day, step, nameof(n));
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>The number of working days passed going from <paramref name="from"/> to <paramref name="to"/>:
    /// the working days after <paramref name="from"/> up to and including <paramref name="to"/>. When
    /// <paramref name="to"/> is earlier the count is negative: minus the working days from <paramref name="to"/>
    /// (included) up to <paramref name="from"/> (excluded). The same day gives 0. So for every n,
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to == from)
        {
            return 0;
        }

        var (first, last, sign) = to > from ? (from.AddDays(1), to, 1) : (to, from.AddDays(-1), -1);
        var count = 0;
        for (var day = first; ; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }

            if (day == last)
            {
                return sign * count;
            }
        }
    }

    private static DateOnly Next(DateOnly day, int step, string parameter)
    {
        var number = day.DayNumber + step;
        if (number < DateOnly.MinValue.DayNumber || number > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(parameter, "The working day would fall outside the supported dates.");
        }

        return DateOnly.FromDayNumber(number);
    }
}
