namespace CreditSite.Domain;

/// <summary>The site's calendar day: Changzhou is on China Standard Time (UTC+8, no daylight saving), so an entry
/// leaves public view at local midnight after its <c>PublicUntil</c>, whatever the server's time zone.</summary>
public static class CreditCalendar
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
    }

    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToOffset(ChinaStandardTime);
    }
}
