using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// The canned-response benchmarks' configuration: times are process CPU time (<see cref="ProcessCpuClock" />),
/// allocations from the memory diagnoser, each operation's implementations grouped as one category with the raw SDK
/// as baseline. In-process, as a custom clock cannot be handed to a generated benchmark process.
/// </summary>
public static class CpuTimeConfig
{
    /// <summary>
    /// The configuration of run <paramref name="run" />; <paramref name="iterations" /> measured iterations per
    /// benchmark. Each run's job has its own id: BenchmarkDotNet keeps in-process builds per job, and reusing one after
    /// its artifacts were cleaned up fails.
    /// </summary>
    public static IConfig Create(int run, int iterations)
        => ManualConfig.CreateEmpty()
            .AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
                .WithClock(ProcessCpuClock.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(iterations)
                .WithIterationTime(TimeInterval.FromMilliseconds(200))
                .WithId("CpuTime" + run))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(CategoriesColumn.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
}
