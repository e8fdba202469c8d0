using System.Collections;
using EFCore.DynamoDb.Properties;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// DynamoDB condition-expression functions for use in LINQ predicates (<c>EF.Functions.AttributeExists(o.Email)</c>)
/// where C# has no natural form, and update-expression functions for the values of <c>ExecuteUpdate</c> setters
/// (<c>s.SetProperty(o => o.Tags, o => EF.Functions.ListAppend(o.Tags, more))</c>). They only translate; calling
/// them outside a query throws.
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

    /// <summary>
    /// <c>if_not_exists(path, :value)</c>, in the value of an <c>ExecuteUpdate</c> setter: the attribute's stored value,
    /// or <paramref name="value" /> when the item lacks it (<c>s.SetProperty(o => o.Views, o => EF.Functions.IfNotExists(o.Views, 0) + 1)</c>).
    /// </summary>
    public static TProperty IfNotExists<TProperty>(this DbFunctions _, TProperty property, TProperty value)
        => throw new InvalidOperationException(DynamoDbStrings.UpdateFunctionOnClient(nameof(IfNotExists)));

    /// <summary>
    /// <c>list_append(first, second)</c>, in the value of an <c>ExecuteUpdate</c> setter of a list property: the two
    /// lists one after the other. <c>ListAppend(o.Tags, values)</c> appends, <c>ListAppend(values, o.Tags)</c>
    /// prepends.
    /// </summary>
    public static TList ListAppend<TList>(this DbFunctions _, TList first, TList second)
        where TList : IEnumerable?
        => throw new InvalidOperationException(DynamoDbStrings.UpdateFunctionOnClient(nameof(ListAppend)));

    /// <summary>
    /// <c>ADD path :values</c>, as the value of an <c>ExecuteUpdate</c> setter of a set property (stored as SS, NS or
    /// BS): adds the elements to the stored set, creating it when the item has none
    /// (<c>s.SetProperty(o => o.Labels, o => EF.Functions.SetAdd(o.Labels, ["gift"]))</c>).
    /// </summary>
    public static TSet SetAdd<TSet, TElement>(this DbFunctions _, TSet set, IEnumerable<TElement> values)
        where TSet : IEnumerable<TElement>?
        => throw new InvalidOperationException(DynamoDbStrings.UpdateFunctionOnClient(nameof(SetAdd)));

    /// <summary>
    /// <c>DELETE path :values</c>, as the value of an <c>ExecuteUpdate</c> setter of a set property (stored as SS, NS
    /// or BS): removes the elements from the stored set; a set left empty is removed, as DynamoDB has no empty sets.
    /// </summary>
    public static TSet SetRemove<TSet, TElement>(this DbFunctions _, TSet set, IEnumerable<TElement> values)
        where TSet : IEnumerable<TElement>?
        => throw new InvalidOperationException(DynamoDbStrings.UpdateFunctionOnClient(nameof(SetRemove)));

    /// <summary>
    /// <c>REMOVE path</c>, as the value of an <c>ExecuteUpdate</c> setter: removes the attribute from the item
    /// (<c>s.SetProperty(o => o.Note, o => EF.Functions.Remove(o.Note))</c>), which reads back as null, or as an
    /// empty collection for a set or dictionary. Setting a property to null does the same.
    /// </summary>
    public static TProperty Remove<TProperty>(this DbFunctions _, TProperty property)
        => throw new InvalidOperationException(DynamoDbStrings.UpdateFunctionOnClient(nameof(Remove)));
}
