using System.Diagnostics;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the whole process, all threads together: the garbage
/// collector's background thread and continuations that run on other thread-pool threads count, and the time the
/// process waits for a core that other processes on a busy machine hold does not. On Linux it is
/// <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c> (nanoseconds); elsewhere <see cref="Process.TotalProcessorTime" />.
/// </summary>
public sealed class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>The one instance.</summary>
    public static readonly ProcessCpuClock Instance = new();

    private ProcessCpuClock()
    {
    }

    /// <inheritdoc />
    public string Title => "ProcessCpuTime";

    /// <inheritdoc />
    public bool IsAvailable => true;

    /// <inheritdoc />
    public Frequency Frequency => OperatingSystem.IsLinux() ? Frequency.GHz : new Frequency(TimeSpan.TicksPerSecond);

    /// <inheritdoc />
    public long GetTimestamp()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Process.GetCurrentProcess().TotalProcessorTime.Ticks;
        }

        ClockGetTime(ClockProcessCpuTimeId, out var time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
