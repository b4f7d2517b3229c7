using CreditSite.CreditRepair;
using CreditSite.Domain;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.DepartmentDesk;

/// <summary>The nightly overdue pass (逾期检查): once a day at <c>CreditRepair:OverduePassTime</c> (China Standard Time)
/// it flags the requests open past their deadline (<see cref="CreditRepairDesk.RunOverduePassAsync"/>). Every wait goes
/// through the site's <see cref="TimeProvider"/>, so tests move a fake clock instead of waiting for the night.</summary>
public sealed class OverduePassService(
    CreditRepairDesk desk, IOptions<CreditRepairOptions> options, TimeProvider time, ILogger<OverduePassService> logger) : BackgroundService
{
    private readonly TimeOnly _at = options.Value.OverduePassTimeOfDay;
    private TaskCompletionSource<DateTimeOffset> _scheduled = NewSource<DateTimeOffset>();
    private TaskCompletionSource<OverduePass> _ran = NewSource<OverduePass>();

    /// <summary>Completes, with the time of the next run, once the pass is waiting for it: a fake clock advanced after
    /// this is seen by the wait.</summary>
    public Task<DateTimeOffset> Scheduled => Volatile.Read(ref _scheduled).Task;

    /// <summary>Completes with the result of the next run (fails if that run fails).</summary>
    public Task<OverduePass> NextRun => Volatile.Read(ref _ran).Task;

    /// <summary>The first moment at <paramref name="at"/> China Standard Time strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset now, TimeOnly at)
    {
        var local = now.ToOffset(CreditCalendar.ChinaStandardTime);
        var candidate = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(at), CreditCalendar.ChinaStandardTime);
        return candidate > local ? candidate : candidate.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = NextRunAfter(now, _at);
            var ran = Volatile.Read(ref _ran);
            var wait = Task.Delay(next - now, time, stoppingToken);
            Volatile.Read(ref _scheduled).TrySetResult(next);
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Volatile.Write(ref _scheduled, NewSource<DateTimeOffset>());
            Volatile.Write(ref _ran, NewSource<OverduePass>());
            try
            {
                var pass = await desk.RunOverduePassAsync(stoppingToken);
                logger.LogInformation("Overdue pass flagged {Flagged} request(s)", pass.Flagged);
                ran.TrySetResult(pass);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store is unavailable tonight: the flags wait for tomorrow's pass, the desk still marks lateness.
                logger.LogError(e, "The overdue pass failed; it runs again at {Next}", NextRunAfter(time.GetUtcNow(), _at));
                ran.TrySetException(e);
            }
        }
    }

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public static class OverduePassRegistration
{
    /// <summary>The pass as a hosted service, and as itself so that tests can watch it.</summary>
    public static IServiceCollection AddOverduePass(this IServiceCollection services)
    {
        services.AddSingleton<OverduePassService>();
        services.AddHostedService(sp => sp.GetRequiredService<OverduePassService>());
        return services;
    }
}
