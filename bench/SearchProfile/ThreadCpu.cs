using System.Runtime.InteropServices;

namespace CreditSite.Bench.SearchProfile;

/// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond resolution).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Milliseconds()
    {
        var time = new TimeSpec();
        return ClockGetTime(ClockThreadCpuTime, ref time) != 0 ? 0 : time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
