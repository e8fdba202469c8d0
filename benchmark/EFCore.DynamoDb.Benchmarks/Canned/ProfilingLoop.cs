using System.Diagnostics;
using System.Reflection;

namespace EFCore.DynamoDb.Benchmarks.Canned;

/// <summary>
/// Runs one canned-response benchmark method in a loop for a while, for a profiler to attach to
/// (<c>dotnet-trace collect --process-id …</c>, or <c>dotnet-trace collect -- dotnet …dll --profile …</c>).
/// </summary>
public static class ProfilingLoop
{
    /// <summary>Calls <paramref name="method" /> of the payload's benchmarks for <paramref name="seconds" /> seconds.</summary>
    public static async Task RunAsync(string payload, string method, int seconds)
    {
        var type = payload switch
        {
            "flat" => typeof(FlatPayloadBenchmarks),
            "relationships" => typeof(RelationshipBenchmarks),
            _ => typeof(MixedPayloadBenchmarks),
        };
        var benchmarks = Activator.CreateInstance(type)!;
        type.GetMethod("Setup")!.Invoke(benchmarks, null);
        var operation = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"No benchmark method '{method}' on {type.Name}.");
        var stopwatch = Stopwatch.StartNew();
        var calls = 0;
        object? result = null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            var task = (Task)operation.Invoke(benchmarks, null)!;
            await task;
            result = task.GetType().GetProperty("Result")?.GetValue(task);
            calls++;
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{type.Name}.{method}: {calls} calls, {cpu.TotalMicroseconds / calls:F1} µs CPU per call");
        var json = System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles });
        Console.WriteLine("last result: " + json[..Math.Min(json.Length, 400)]);
        type.GetMethod("Cleanup")!.Invoke(benchmarks, null);
    }
}
