using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CreditSite.Cli;

/// <summary>One unit of long work shown to the user: a Spectre.Console progress bar on a terminal, or a plain line
/// every few seconds when output is redirected (CI logs, pipes, tests).</summary>
public interface IProgressLine : IProgress<long>
{
    void SetTotal(long total);

    /// <summary>Marks the step done (idempotent).</summary>
    void Finish();
}

/// <summary>Runs work under progress bars. Each step is a (description, total) pair; totals of 0 mean "unknown".</summary>
public static class CliProgress
{
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static async Task<T> RunAsync<T>(string[] steps, Func<IReadOnlyList<IProgressLine>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(work);
        if (!Interactive)
        {
            var lines = steps.Select(s => new PlainLine(s)).ToArray();
            var result = await work(lines);
            foreach (var line in lines)
            {
                line.Finish();
            }

            return result;
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var lines = steps.Select(s => new BarLine(context.AddTask(Markup.Escape(s), autoStart: false, maxValue: 1))).ToArray();
                var result = await work(lines);
                foreach (var line in lines)
                {
                    line.Finish();
                }

                return result;
            });
    }

    private sealed class BarLine(ProgressTask task) : IProgressLine
    {
        public void SetTotal(long total)
        {
            task.MaxValue = Math.Max(1, total);
            task.StartTask();
        }

        public void Report(long value)
        {
            if (!task.IsStarted)
            {
                task.StartTask();
            }

            task.Value = Math.Min(value, task.MaxValue);
        }

        public void Finish()
        {
            if (task.IsStarted)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class PlainLine(string description) : IProgressLine
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private long _total;
        private long _value;
        private bool _started;
        private bool _finished;
        private TimeSpan _lastPrinted = TimeSpan.FromHours(-1);

        public void SetTotal(long total) => _total = total;

        public void Report(long value)
        {
            lock (_gate)
            {
                _value = value;
                if (!_started)
                {
                    _started = true;
                    _clock.Restart();
                }

                if (!_finished && _clock.Elapsed - _lastPrinted >= TimeSpan.FromSeconds(2) && (_total == 0 || _value < _total))
                {
                    _lastPrinted = _clock.Elapsed;
                    Console.Out.WriteLine(Text());
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (_started && !_finished)
                {
                    _finished = true;
                    _value = Math.Max(_value, _total);
                    Console.Out.WriteLine(Text() + string.Create(CultureInfo.InvariantCulture, $"，完成（{_clock.Elapsed.TotalSeconds:F1} 秒）"));
                }
            }
        }

        private string Text() => _total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{description}：{Math.Min(100, _value * 100 / _total)}%")
            : string.Create(CultureInfo.InvariantCulture, $"{description}：{_value}");
    }
}
