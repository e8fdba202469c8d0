using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// Runs the canned-response benchmarks several times and prints, for every operation and payload, the provider's
/// and DynamoDBContext's CPU-time and allocation ratios to the raw SDK as the median of the runs with their range.
/// Each run measures the three implementations of an operation one after the other, so a ratio compares neighbours
/// in time; the median of several runs (each in its own process) keeps one disturbed run (these machines are shared)
/// from deciding it.
/// </summary>
public static class RepeatedRuns
{
    /// <summary>
    /// Runs the benchmarks <paramref name="runs" /> times, each in a process of its own (BenchmarkDotNet's in-process
    /// toolchain cannot run a benchmark again in the same process), and prints the ratio table.
    /// </summary>
    public static void Run(int runs, int iterations, string? filter)
    {
        var samplesFile = Path.GetTempFileName();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"=== run {run} of {runs} ===");
            // Under `dotnet run` this process is the app host, which takes the arguments alone; under `dotnet x.dll`
            // it is dotnet, which needs the assembly first.
            var host = Environment.ProcessPath!;
            string[] assembly = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [Environment.GetCommandLineArgs()[0]] : [];
            using var child = Process.Start(
                host,
                [.. assembly, "--canned-once", samplesFile, iterations.ToString(CultureInfo.InvariantCulture), .. filter is null ? Array.Empty<string>() : [filter]])!;
            child.WaitForExit();
            var samples = new Dictionary<(string Payload, string Operation, string Implementation), List<(double Ratio, double Allocation, double Nanoseconds)>>();
            foreach (var line in File.ReadAllLines(samplesFile))
            {
                var fields = line.Split('\t');
                var key = (fields[0], fields[1], fields[2]);
                if (!samples.TryGetValue(key, out var list))
                {
                    samples[key] = list = [];
                }

                list.Add((double.Parse(fields[3], CultureInfo.InvariantCulture), double.Parse(fields[4], CultureInfo.InvariantCulture), double.Parse(fields[5], CultureInfo.InvariantCulture)));
            }

            Print(samples);
        }
    }

    /// <summary>
    /// One run in this process, after a discarded warm-up run (in a fresh process the JIT's background tiering, which
    /// a CPU clock counts, goes on for seconds, longer than one benchmark's warm-up); appends each benchmark's ratios
    /// to <paramref name="samplesFile" />.
    /// </summary>
    public static void RunOnce(string samplesFile, int iterations, string? filter)
    {
        var types = new[] { typeof(MixedPayloadBenchmarks), typeof(FlatPayloadBenchmarks), typeof(RelationshipBenchmarks) };
        for (var run = 0; run <= 1; run++)
        {
            var summary = BenchmarkRunner.Run(
                types.Select(t => BenchmarkConverter.TypeToBenchmarks(t, CpuTimeConfig.Create(run, run == 0 ? 1 : iterations)))
                    .Select(r => filter is null ? r : new BenchmarkRunInfo(
                        r.BenchmarksCases.Where(c => c.Descriptor.Categories.Any(cat => cat.Contains(filter, StringComparison.OrdinalIgnoreCase))).ToArray(),
                        r.Type,
                        r.Config))
                    // A type with no benchmark of the category would fail the validation of the whole run.
                    .Where(r => r.BenchmarksCases.Length > 0)
                    .ToArray());
            if (run == 0)
            {
                continue;
            }

            var samples = new Dictionary<(string Payload, string Operation, string Implementation), List<(double Ratio, double Allocation, double Nanoseconds)>>();
            foreach (var result in summary)
            {
                Collect(result, samples);
            }

            File.AppendAllLines(samplesFile, samples.SelectMany(s => s.Value.Select(v => string.Join(
                '\t',
                s.Key.Payload,
                s.Key.Operation,
                s.Key.Implementation,
                v.Ratio.ToString("R", CultureInfo.InvariantCulture),
                v.Allocation.ToString("R", CultureInfo.InvariantCulture),
                v.Nanoseconds.ToString("R", CultureInfo.InvariantCulture)))));
        }
    }

    private static void Collect(Summary summary, Dictionary<(string, string, string), List<(double, double, double)>> samples)
    {
        var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
        foreach (var group in reports.GroupBy(r => (Payload: Payload(r), Operation: r.BenchmarkCase.Descriptor.Categories[0])))
        {
            var baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            if (baseline is null)
            {
                continue;
            }

            var baselineTime = baseline.ResultStatistics!.Median;
            var baselineBytes = (double)(baseline.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase) ?? 1);
            foreach (var report in group)
            {
                var key = (group.Key.Payload, group.Key.Operation, report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo);
                if (!samples.TryGetValue(key, out var list))
                {
                    samples[key] = list = [];
                }

                list.Add((
                    report.ResultStatistics!.Median / baselineTime,
                    (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / baselineBytes,
                    report.ResultStatistics.Median));
            }
        }
    }

    private static string Payload(BenchmarkReport report)
        => report.BenchmarkCase.Descriptor.Type == typeof(MixedPayloadBenchmarks) ? "mixed"
            : report.BenchmarkCase.Descriptor.Type == typeof(RelationshipBenchmarks) ? "relationships"
            : "flat";

    private static void Print(Dictionary<(string Payload, string Operation, string Implementation), List<(double Ratio, double Allocation, double Nanoseconds)>> samples)
    {
        Console.WriteLine();
        Console.WriteLine("| operation | payload | implementation | CPU per op (median) | CPU ratio to SDK, median [range] | allocation ratio, median [range] | runs |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var ((payload, operation, implementation), list) in samples.OrderBy(s => s.Key.Operation).ThenBy(s => s.Key.Payload).ThenBy(s => s.Key.Implementation))
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {operation} | {payload} | {implementation} | {Median(list.Select(s => s.Nanoseconds)) / 1000:F1} µs | {Range(list.Select(s => s.Ratio))} | {Range(list.Select(s => s.Allocation))} | {list.Count} |"));
        }

        Console.WriteLine();
    }

    private static string Range(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted):F2} [{sorted[0]:F2}–{sorted[^1]:F2}]");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
