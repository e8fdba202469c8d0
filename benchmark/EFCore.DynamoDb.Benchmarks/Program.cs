using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EFCore.DynamoDb.Benchmarks.Canned;

// `--canned [runs] [iterations] [category]`: the canned-response benchmarks (process CPU time), repeated, with the
// ratio table (median and range over the runs). Anything else goes to BenchmarkDotNet's switcher (DynamoDB Local's
// BulkWriteBenchmarks), grouped by category so each ratio is against the raw SDK doing the same work.
if (args is ["--canned", ..])
{
    RepeatedRuns.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 3 ? args[3] : null);
    return;
}

// `--canned-once <samples file> <iterations> [category]`: one run of the above, in the process `--canned` starts.
if (args is ["--canned-once", var samplesFile, var iterations, ..])
{
    RepeatedRuns.RunOnce(samplesFile, int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : null);
    return;
}

// `--profile mixed|flat|relationships <method> [seconds]`: one benchmark method in a loop, for dotnet-trace.
if (args is ["--profile", var payload, var method, ..])
{
    await ProfilingLoop.RunAsync(payload, method, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

BenchmarkSwitcher.FromTypes([typeof(EFCore.DynamoDb.Benchmarks.BulkWriteBenchmarks), typeof(EFCore.DynamoDb.Benchmarks.QueryFilterBenchmarks)]).Run(
    args,
    DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory));
