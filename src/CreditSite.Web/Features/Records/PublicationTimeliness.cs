using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Web.Features.Records;

/// <summary>One department's line of the timeliness table: its 双公示 records first published in the period, how many
/// within <see cref="PublicationTimeliness.DeadlineWorkingDays"/> working days of the decision, and the slowest.</summary>
public sealed record DepartmentTimeliness(
    string Department, int Licences, int Penalties, int OnTime, int SlowestWorkingDays, DateOnly SlowestDecided, DateOnly SlowestPublished)
{
    public int Records => Licences + Penalties;

    /// <summary>0 to 1.</summary>
    public double Share => Records == 0 ? 0 : (double)OnTime / Records;

    /// <summary>“66.7%”.</summary>
    public string ShareText => (Share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>The timeliness table of one period: per department (worst share first) and for the whole city.</summary>
public sealed record TimelinessReport(
    DateOnly From, DateOnly To, DateTimeOffset ComputedAt, IReadOnlyList<DepartmentTimeliness> Departments, DepartmentTimeliness? Total,
    bool Approximate);

/// <summary>Publication timeliness (公示及时率) of the 双公示 records: per department, the share of licences and
/// penalties published within 7 working days of the decision date, over the last 90 days. Published is the record's
/// first import (<see cref="PublicRecord.FirstImportedAt"/>) as a day in China Standard Time; working days come from the
/// working-day calendar (content/data/workdays-YYYY.yaml). A record is on time when no more than 7 working days lie
/// after its decision date up to and including its publication day. Records the catalogue keeps unpublished are not
/// counted (they are never published); records published and withdrawn since are. Reads the store, not the index.</summary>
public sealed class PublicationTimeliness(CreditStore store, ContentLibrary library, TimeProvider time)
{
    public const int WindowDays = 90;

    public const int DeadlineWorkingDays = 7;

    public const string NoDepartment = "（未填写部门）";

    public async Task<TimelinessReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = now.AddDays(-WindowDays);
        var calendar = library.Workdays;
        var rows = await FirstPublishedAsync(from, now, cancellationToken);

        var lines = new List<DepartmentTimeliness>();
        foreach (var department in rows.GroupBy(r => string.IsNullOrWhiteSpace(r.Department) ? NoDepartment : r.Department.Trim(), StringComparer.Ordinal))
        {
            lines.Add(Line(department.Key, department, calendar));
        }

        var total = rows.Count == 0 ? null : Line("全市合计", rows, calendar);
        var fromDay = Day(from);
        var toDay = Day(now);
        var earliestDecision = rows.Count == 0 ? fromDay : rows.Min(r => r.DecisionDate);
        return new TimelinessReport(
            fromDay,
            toDay,
            now.ToOffset(CreditCalendar.ChinaStandardTime),
            [.. lines.OrderBy(l => l.Share).ThenByDescending(l => l.Records).ThenBy(l => l.Department, StringComparer.Ordinal)],
            total,
            calendar.IsApproximate(earliestDecision < fromDay ? earliestDecision : fromDay, toDay));
    }

    private static DepartmentTimeliness Line(string department, IEnumerable<Published> records, WorkdayCalendar calendar)
    {
        int licences = 0, penalties = 0, onTime = 0, slowest = -1;
        DateOnly slowestDecided = default, slowestPublished = default;
        foreach (var record in records)
        {
            if (record.Kind == RecordKind.Licence)
            {
                licences++;
            }
            else
            {
                penalties++;
            }

            var published = Day(record.FirstImportedAt);
            // Published before its decision date (a data error) counts as on time, taking no working days.
            var days = published <= record.DecisionDate ? 0 : calendar.WorkingDaysBetween(record.DecisionDate, published);
            if (days <= DeadlineWorkingDays)
            {
                onTime++;
            }

            if (days > slowest)
            {
                (slowest, slowestDecided, slowestPublished) = (days, record.DecisionDate, published);
            }
        }

        return new DepartmentTimeliness(department, licences, penalties, onTime, Math.Max(0, slowest), slowestDecided, slowestPublished);
    }

    /// <summary>The licences and penalties first imported in (<paramref name="from"/>, <paramref name="to"/>], except those
    /// kept unpublished. SQLite cannot compare date-time-offset columns in SQL, so the store is asked for the records
    /// written by the import batches of the period (imports are few; a record first imported in the period was written
    /// by one of them or a later one) and the first-import time is compared here.</summary>
    private async Task<List<Published>> FirstPublishedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var batches = await context.ImportBatches.AsNoTracking().Select(b => new { b.Id, b.StartedAt }).ToListAsync(cancellationToken);
        var firstBatch = batches.Where(b => b.StartedAt > from).Select(b => (long?)b.Id).Min();
        if (firstBatch is not { } first)
        {
            return [];
        }

        var written = await context.PublicRecords.AsNoTracking()
            .Where(r => (r.Kind == RecordKind.Licence || r.Kind == RecordKind.Penalty) && !r.Unpublished
                && EF.Property<long>(r, CreditDbContext.ChangeSeq) >= first)
            .Select(r => new Published(r.Department, r.Kind, r.DecisionDate, r.FirstImportedAt))
            .ToListAsync(cancellationToken);
        return [.. written.Where(r => r.FirstImportedAt > from && r.FirstImportedAt <= to)];
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(CreditCalendar.ChinaStandardTime).DateTime);

    private sealed record Published(string Department, RecordKind Kind, DateOnly DecisionDate, DateTimeOffset FirstImportedAt);
}
