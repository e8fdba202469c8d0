using System.Reflection;

namespace EFCore.DynamoDb.SpecOverrides;

/// <summary>A test method of one test class with the outcome of each of its cases in an unmodified run.</summary>
internal sealed class TestMethodOutcomes(Type testClass, MethodInfo method)
{
    public Type TestClass { get; } = testClass;

    public MethodInfo Method { get; } = method;

    /// <summary>The outcome of each case, by its displayed arguments.</summary>
    public List<(TestResult Result, Failure Outcome)> Cases { get; } = [];

    public bool IsVoid => Method.ReturnType == typeof(void);

    /// <summary>
    /// Whether the test class overrides the method by hand (in a file the unmodified build keeps): the generator leaves
    /// it to that override, and the tally does not count its cases as passing unmodified.
    /// </summary>
    public bool IsHandWritten => Method.DeclaringType!.Assembly == TestClass.Assembly;

    /// <summary>
    /// Whether a case exercises the asynchronous API: its <c>async</c> argument is true, or (without one) the test
    /// returns a task. A void test is synchronous.
    /// </summary>
    public bool IsAsync(TestResult result)
        => result.ArgumentsByName.TryGetValue("async", out var value) ? value == "True" : !IsVoid;

    /// <summary>Whether any case failed in a way an override may assert (every failure but a defect).</summary>
    public bool NeedsOverride => Cases.Any(c => c.Outcome.Kind != FailureKind.None && !c.Outcome.IsDefect);
}
