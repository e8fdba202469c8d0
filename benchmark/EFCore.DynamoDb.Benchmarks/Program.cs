using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Runs every benchmark, grouped by category so each ratio is against the raw SDK doing the same work.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
    args,
    DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory));
