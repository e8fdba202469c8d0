using EFCore.DynamoDb.SpecOverrides;

// eng/spec-overrides.sh runs this with the .trx of an unmodified run (-p:SpecOverrides=false) and the test assembly
// of that build:
//   generate <trx> <assembly> <project dir>   writes Specification/**/*.Overrides.cs and lists what it refused
//   tally <trx> <assembly>                     per test class: async cases passed with no override, and wrong results
const string RootNamespace = "EFCore.DynamoDb.FunctionalTests";
const string SpecificationNamespace = RootNamespace + ".Specification";

if (args.Length < 3 || args[0] is not ("generate" or "tally") || (args[0] == "generate" && args.Length < 4))
{
    Console.Error.WriteLine("usage: SpecOverrides generate <trx> <test assembly> <test project dir> | tally <trx> <test assembly>");
    return 2;
}

var results = TestResult.Read(args[1], SpecificationNamespace + ".");
if (results.Count == 0)
{
    Console.Error.WriteLine($"No specification test ran in {args[1]}.");
    return 1;
}

var assembly = new TestAssembly(args[2]);
var methods = new Dictionary<(Type, string), TestMethodOutcomes>();
foreach (var result in results)
{
    var type = assembly.Type(result.ClassName);
    var method = TestAssembly.Method(type, result);
    var key = (type, method.ToString()!);
    if (!methods.TryGetValue(key, out var outcomes))
    {
        methods[key] = outcomes = new TestMethodOutcomes(type, method);
    }

    outcomes.Cases.Add((result, result.Passed ? Failure.Passed : Failure.Classify(result.Message, !outcomes.IsAsync(result))));
}

var wrongResults = methods.Values
    .SelectMany(m => m.Cases.Where(c => c.Outcome.IsDefect).Select(c => (Method: m, c.Result, c.Outcome)))
    .OrderBy(w => w.Result.ClassName, StringComparer.Ordinal).ThenBy(w => w.Result.MethodName, StringComparer.Ordinal)
    .ToList();

if (args[0] == "tally")
{
    Console.WriteLine($"{"test class",-74} {"async passed",12} {"async cases",11} {"all passed",10} {"all cases",9} {"defects",7}");
    foreach (var byClass in methods.Values.GroupBy(m => m.TestClass).OrderBy(g => g.Key.FullName, StringComparer.Ordinal))
    {
        var cases = byClass.SelectMany(m => m.Cases.Select(c => (Async: m.IsAsync(c.Result), Passed: c.Result.Passed && !m.IsHandWritten, Wrong: c.Outcome.IsDefect))).ToList();
        Console.WriteLine(
            $"{Name(byClass.Key),-74} {cases.Count(c => c.Async && c.Passed),12} {cases.Count(c => c.Async),11} {cases.Count(c => c.Passed),10} {cases.Count,9} {cases.Count(c => c.Wrong),7}");
    }

    // A case whose test the class overrides by hand did not pass unmodified, whatever its override asserts.
    var all = methods.Values.SelectMany(m => m.Cases.Select(c => (Async: m.IsAsync(c.Result), Passed: c.Result.Passed && !m.IsHandWritten))).ToList();
    Console.WriteLine(
        $"{"total (" + methods.Values.Select(m => m.TestClass).Distinct().Count() + " test classes)",-74} {all.Count(c => c.Async && c.Passed),12} {all.Count(c => c.Async),11} {all.Count(c => c.Passed),10} {all.Count,9} {wrongResults.Count,7}");
    Console.WriteLine($"Cases of tests overridden by hand (not counted as passed): {methods.Values.Where(m => m.IsHandWritten).Sum(m => m.Cases.Count)}");
    Console.WriteLine();
    Console.WriteLine("Failures by kind:");
    foreach (var kind in methods.Values.SelectMany(m => m.Cases).Where(c => !c.Result.Passed).GroupBy(c => c.Outcome.Kind).OrderByDescending(g => g.Count()))
    {
        Console.WriteLine($"  {kind.Key,-18} {kind.Count(),6}");
    }
}
else
{
    var projectDirectory = args[3];
    foreach (var stale in Directory.EnumerateFiles(Path.Combine(projectDirectory, "Specification"), "*.Overrides.cs", SearchOption.AllDirectories))
    {
        File.Delete(stale);
    }

    var writer = new OverrideWriter(projectDirectory, RootNamespace);
    var written = writer.Write(methods.Values);
    Console.WriteLine($"Wrote {written} overrides.");
    foreach (var m in methods.Values.Where(m => m.IsHandWritten))
    {
        Console.WriteLine($"  overridden by hand, left to that override: {m.TestClass.Name}.{m.Method.Name}");
    }

    foreach (var name in writer.NotVirtual)
    {
        Console.WriteLine($"  not overridable (not virtual), left failing: {name}");
    }

    foreach (var name in writer.Unwritable)
    {
        Console.WriteLine($"  cases not told apart by literal arguments, left failing: {name}");
    }
}

Console.WriteLine();
Console.WriteLine($"Wrong results and crashes ({wrongResults.Count}): defects, never overridden; each still fails:");
foreach (var (_, result, outcome) in wrongResults)
{
    var what = outcome.Kind == FailureKind.Crash ? $"{outcome.ExceptionType}: " : "";
    Console.WriteLine($"  {Name(result.ClassName)}.{result.MethodName}({result.Arguments}): {what}{outcome.Fragment}");
}

return 0;

static string Name(object type)
{
    var name = type is Type t ? t.FullName!.Replace('+', '.') : ((string)type).Replace('+', '.');
    return name.StartsWith(SpecificationNamespace + ".", StringComparison.Ordinal) ? name[(SpecificationNamespace.Length + 1)..] : name;
}
