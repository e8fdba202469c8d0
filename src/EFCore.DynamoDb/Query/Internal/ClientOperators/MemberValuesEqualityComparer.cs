using System.Reflection;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// Compares grouping keys built as <c>new Key { A = …, B = … }</c> by the values of the members the query sets, as a
/// database groups by the columns such a key is made of. LINQ-to-Objects would compare the key objects by reference
/// (a class without value equality), putting every row in a group of its own.
/// </summary>
/// <remarks>
/// This is an internal API that supports the Entity Framework Core infrastructure and not subject to
/// the same compatibility standards as public APIs.
/// </remarks>
public sealed class MemberValuesEqualityComparer<T>(IReadOnlyList<MemberInfo> members) : IEqualityComparer<T>
    where T : class
{
    private readonly Func<object, object?>[] _readers = [.. members.Select(CreateReader)];

    /// <inheritdoc />
    public bool Equals(T? x, T? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        foreach (var read in _readers)
        {
            if (!object.Equals(read(x), read(y)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int GetHashCode(T obj)
    {
        var hash = new HashCode();
        foreach (var read in _readers)
        {
            hash.Add(read(obj));
        }

        return hash.ToHashCode();
    }

    private static Func<object, object?> CreateReader(MemberInfo member)
        => member switch
        {
            PropertyInfo property => property.GetValue,
            FieldInfo field => field.GetValue,
            _ => throw new ArgumentException(member.Name, nameof(members)),
        };
}
