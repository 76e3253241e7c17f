using System.Runtime.InteropServices;

namespace Minwon.Bench.Knowledge;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime). On a shared machine wall-clock latency measures the
/// neighbours as much as our code; the thread's own CPU time is what a quiet server would see.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static double Milliseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
        {
            return 0;
        }

        return spec.Seconds * 1000.0 + spec.Nanoseconds / 1_000_000.0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the bench project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
#pragma warning restore SYSLIB1054
}
