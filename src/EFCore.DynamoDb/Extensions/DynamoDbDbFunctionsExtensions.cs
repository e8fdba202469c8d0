using EFCore.DynamoDb.Properties;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// DynamoDB condition-expression functions for use in LINQ predicates (<c>EF.Functions.AttributeExists(o.Email)</c>)
/// where C# has no natural form. They only translate; calling them outside a query throws.
/// </summary>
public static class DynamoDbDbFunctionsExtensions
{
    /// <summary><c>attribute_exists(path)</c>: the item has the attribute (even holding NULL).</summary>
    public static bool AttributeExists<TProperty>(this DbFunctions _, TProperty property)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(AttributeExists)));

    /// <summary><c>attribute_not_exists(path)</c>: the item lacks the attribute.</summary>
    public static bool AttributeNotExists<TProperty>(this DbFunctions _, TProperty property)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(AttributeNotExists)));

    /// <summary>
    /// <c>attribute_type(path, :type)</c>: the attribute holds that DynamoDB type (<c>S</c>, <c>N</c>, <c>B</c>,
    /// <c>BOOL</c>, <c>NULL</c>, <c>L</c>, <c>M</c>, <c>SS</c>, <c>NS</c> or <c>BS</c>).
    /// </summary>
    public static bool AttributeType<TProperty>(this DbFunctions _, TProperty property, string dynamoDbType)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(AttributeType)));

    /// <summary><c>begins_with(path, :prefix)</c>; on a sort key it becomes part of the key condition.</summary>
    public static bool BeginsWith(this DbFunctions _, string? property, string prefix)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(BeginsWith)));

    /// <summary><c>path BETWEEN :low AND :high</c>, both bounds inclusive; on a sort key it becomes part of the key condition.</summary>
    public static bool Between<TProperty>(this DbFunctions _, TProperty property, TProperty low, TProperty high)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(Between)));

    /// <summary><c>size(path)</c>: a string's length, a binary's byte count, or a collection's element count.</summary>
    public static int Size<TProperty>(this DbFunctions _, TProperty property)
        => throw new InvalidOperationException(DynamoDbStrings.FunctionOnClient(nameof(Size)));
}
