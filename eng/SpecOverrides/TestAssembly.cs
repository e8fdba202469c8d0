using System.Reflection;
using System.Runtime.Loader;

namespace EFCore.DynamoDb.SpecOverrides;

/// <summary>The built functional test assembly, loaded with its dependencies for reflection over its test methods.</summary>
internal sealed class TestAssembly : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly Assembly _assembly;

    public TestAssembly(string path)
        : base("SpecOverrides", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(path);
        _assembly = LoadFromAssemblyPath(Path.GetFullPath(path));
    }

    /// <summary>The test class named as in the .trx (nested classes with '+').</summary>
    public Type Type(string className)
        => _assembly.GetType(className) ?? throw new InvalidOperationException($"No type '{className}' in {_assembly.Location}: build the test project first.");

    /// <summary>The test method a result ran: by name, and by the parameter names xunit displayed when overloaded.</summary>
    public static MethodInfo Method(Type type, TestResult result)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(m => m.Name == result.MethodName)
            .ToList();
        // A method that hides or overrides another shows up once per declaring type: the most derived one runs.
        var byParameters = candidates
            .Where(m => m.GetParameters().Select(p => p.Name!).SequenceEqual(result.ArgumentsByName.Keys))
            .ToList();
        return byParameters.Count switch
        {
            0 when candidates.Count == 1 => candidates[0],
            0 => throw new InvalidOperationException($"No method {type.Name}.{result.MethodName}({result.Arguments})."),
            _ => byParameters.OrderByDescending(m => Depth(m.DeclaringType!)).First(),
        };
    }

    private static int Depth(Type type) => type.BaseType is { } baseType ? 1 + Depth(baseType) : 0;

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
        => _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
}
