using System.Globalization;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// Reads provider-typed values out of <see cref="AttributeValue" />s. The compiled materializers call these
/// methods directly, one typed call per property, so reading an item needs no reflection and no boxing.
/// </summary>
public static class AttributeValueReader
{
    private static readonly Dictionary<Type, MethodInfo> ReadMethods = typeof(AttributeValueReader)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name.StartsWith("Read", StringComparison.Ordinal) && m.GetParameters().Length == 2)
        .ToDictionary(m => m.ReturnType);

    /// <summary>The method <see cref="Find" />.</summary>
    public static readonly MethodInfo FindMethod = typeof(AttributeValueReader).GetMethod(nameof(Find))!;

    /// <summary>The method <see cref="FindMap" />.</summary>
    public static readonly MethodInfo FindMapMethod = typeof(AttributeValueReader).GetMethod(nameof(FindMap))!;

    /// <summary>The method <see cref="ReadComplexCollection{TCollection, TElement}" />.</summary>
    public static readonly MethodInfo ReadComplexCollectionMethod = typeof(AttributeValueReader).GetMethod(nameof(ReadComplexCollection))!;

    /// <summary>The method <see cref="ReadOwnedCollection{TElement}" />.</summary>
    public static readonly MethodInfo ReadOwnedCollectionMethod = typeof(AttributeValueReader).GetMethod(nameof(ReadOwnedCollection))!;

    /// <summary>The read method for a provider CLR type, such as <see cref="ReadInt32" /> for <see cref="int" />.</summary>
    public static MethodInfo GetReadMethod(Type providerClrType)
        => ReadMethods.TryGetValue(providerClrType, out var method)
            ? method
            : throw new InvalidOperationException($"No DynamoDB attribute reader exists for the provider type '{providerClrType.ShortDisplayName()}'.");

    /// <summary>
    /// The attribute of that name, or null when the item lacks it or holds a NULL there (written by other tools):
    /// both read as a null property value.
    /// </summary>
    public static AttributeValue? Find(Dictionary<string, AttributeValue> item, string attributeName)
        => item.TryGetValue(attributeName, out var value) && value.NULL != true ? value : null;

    /// <summary>
    /// The nested map (M) of that name in a map that may itself be missing (null), or null when either is missing:
    /// the path to a complex property's attributes.
    /// </summary>
    public static Dictionary<string, AttributeValue>? FindMap(Dictionary<string, AttributeValue>? map, string attributeName)
        => map is not null && map.TryGetValue(attributeName, out var value) ? value.M : null;

    /// <summary>
    /// Reads a complex collection stored as a list (L) of maps (M), each element through
    /// <paramref name="readElement" /> (which has no use for the element's position): a missing attribute (or missing map on the way, <paramref name="container" />
    /// null) is null for an optional collection and empty for a required one.
    /// </summary>
    public static TCollection? ReadComplexCollection<TCollection, TElement>(
        Dictionary<string, AttributeValue>? container,
        string attributeName,
        bool isNullable,
        Func<Dictionary<string, AttributeValue>, int, TElement> readElement)
        where TCollection : class, IEnumerable<TElement>
    {
        var value = container is null ? null : Find(container, attributeName);
        if (value is null && isNullable)
        {
            return null;
        }

        var elements = value is null ? [] : ReadMaps(value, attributeName, readElement);
        // Never an array: the model validator refuses array-typed complex collections.
        return elements as TCollection ?? CreateCollection<TCollection, TElement>(elements);
    }

    /// <summary>
    /// Reads an owned collection stored as a list (L) of maps (M), each element through
    /// <paramref name="readElement" /> with its 1-based position (the element's key besides its owner's); a missing
    /// attribute, or a missing owner map (<paramref name="container" /> null), is an empty collection.
    /// </summary>
    public static List<TElement> ReadOwnedCollection<TElement>(
        Dictionary<string, AttributeValue>? container,
        string attributeName,
        Func<Dictionary<string, AttributeValue>, int, TElement> readElement)
        => (container is null ? null : Find(container, attributeName)) is { } value ? ReadMaps(value, attributeName, readElement) : [];

    private static List<TElement> ReadMaps<TElement>(AttributeValue value, string attributeName, Func<Dictionary<string, AttributeValue>, int, TElement> readElement)
    {
        var items = value.L ?? throw Unexpected(attributeName, "L", value);
        var elements = new List<TElement>(items.Count);
        foreach (var item in items)
        {
            elements.Add(readElement(item.M ?? throw Unexpected(attributeName + "[" + elements.Count + "]", "M", item), elements.Count + 1));
        }

        return elements;
    }

    // A collection type List<T> is not assignable to (ObservableCollection<T>, a custom collection): created and filled.
    private static TCollection CreateCollection<TCollection, TElement>(List<TElement> elements)
        where TCollection : class, IEnumerable<TElement>
    {
        var collection = (ICollection<TElement>)Activator.CreateInstance(typeof(TCollection))!;
        foreach (var element in elements)
        {
            collection.Add(element);
        }

        return (TCollection)collection;
    }

    /// <summary>Reads an S attribute.</summary>
    public static string ReadString(AttributeValue value, string attributeName)
        => value.S ?? throw Unexpected(attributeName, "S", value);

    /// <summary>Reads a BOOL attribute.</summary>
    public static bool ReadBoolean(AttributeValue value, string attributeName)
        => value.BOOL ?? throw Unexpected(attributeName, "BOOL", value);

    /// <summary>Reads a B attribute.</summary>
    public static byte[] ReadBinary(AttributeValue value, string attributeName)
        => value.B?.ToArray() ?? throw Unexpected(attributeName, "B", value);

    /// <summary>Reads an N attribute as <see cref="byte" />.</summary>
    public static byte ReadByte(AttributeValue value, string attributeName)
        => byte.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="sbyte" />.</summary>
    public static sbyte ReadSByte(AttributeValue value, string attributeName)
        => sbyte.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="short" />.</summary>
    public static short ReadInt16(AttributeValue value, string attributeName)
        => short.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="ushort" />.</summary>
    public static ushort ReadUInt16(AttributeValue value, string attributeName)
        => ushort.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="int" />.</summary>
    public static int ReadInt32(AttributeValue value, string attributeName)
        => int.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="uint" />.</summary>
    public static uint ReadUInt32(AttributeValue value, string attributeName)
        => uint.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="long" />.</summary>
    public static long ReadInt64(AttributeValue value, string attributeName)
        => long.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="ulong" />.</summary>
    public static ulong ReadUInt64(AttributeValue value, string attributeName)
        => ulong.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="float" />.</summary>
    public static float ReadSingle(AttributeValue value, string attributeName)
        => float.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="double" />.</summary>
    public static double ReadDouble(AttributeValue value, string attributeName)
        => double.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an N attribute as <see cref="decimal" />.</summary>
    public static decimal ReadDecimal(AttributeValue value, string attributeName)
        => decimal.Parse(Number(value, attributeName), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Number(AttributeValue value, string attributeName)
        => value.N ?? throw Unexpected(attributeName, "N", value);

    /// <summary>The error for an attribute stored as another DynamoDB type than <paramref name="expected" />.</summary>
    public static InvalidOperationException Unexpected(string attributeName, string expected, AttributeValue value)
        => new(DynamoDbStrings.UnexpectedAttributeType(attributeName, expected, DescribeType(value)));

    /// <summary>The DynamoDB type code an attribute value holds, for messages.</summary>
    public static string DescribeType(AttributeValue value)
        => value switch
        {
            { S: not null } => "S",
            { N: not null } => "N",
            { B: not null } => "B",
            { BOOL: not null } => "BOOL",
            { NULL: true } => "NULL",
            { L: not null } => "L",
            { M: not null } => "M",
            { SS: not null } => "SS",
            { NS: not null } => "NS",
            { BS: not null } => "BS",
            _ => "no value",
        };
}
