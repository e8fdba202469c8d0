using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// A collection property stored in one attribute: lists and arrays as L, sets of strings, numbers or binaries as
/// SS / NS / BS, string-keyed dictionaries as M. Elements go through their own mapping, so nested collections and
/// converted element types work; an empty set is stored as no attribute and reads back as an empty set.
/// </summary>
public class DynamoDbCollectionTypeMapping : DynamoDbTypeMapping
{
    private static readonly MethodInfo ReadListMethod = typeof(DynamoDbCollectionTypeMapping).GetMethod(nameof(ReadList), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReadSetMethod = typeof(DynamoDbCollectionTypeMapping).GetMethod(nameof(ReadSet), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReadMapMethod = typeof(DynamoDbCollectionTypeMapping).GetMethod(nameof(ReadMap), BindingFlags.NonPublic | BindingFlags.Static)!;

    private Delegate? _elementReader;

    // EF's primitive-collection support (an element mapping in CoreTypeMappingParameters) assumes lists it can
    // fill in place; these mappings read and write whole attributes themselves, so EF sees an ordinary property
    // with a collection comparer, and the element mapping stays here.
    private readonly DynamoDbTypeMapping _elementMapping;

    /// <summary>Creates the mapping of a collection type.</summary>
    public DynamoDbCollectionTypeMapping(Type clrType, DynamoDbCollectionKind kind, Type elementType, DynamoDbTypeMapping elementMapping, ValueComparer comparer)
        : this(new CoreTypeMappingParameters(clrType, converter: null, comparer, comparer, comparer), kind, elementType, elementMapping)
    {
    }

    /// <summary>Creates the mapping from EF's mapping parameters (used by cloning).</summary>
    protected DynamoDbCollectionTypeMapping(CoreTypeMappingParameters parameters, DynamoDbCollectionKind kind, Type elementType, DynamoDbTypeMapping elementMapping)
        : base(parameters)
    {
        Kind = kind;
        ElementType = elementType;
        _elementMapping = elementMapping;
    }

    /// <summary>How the collection is stored.</summary>
    public virtual DynamoDbCollectionKind Kind { get; }

    /// <summary>The CLR type of the elements (of the values, for a map).</summary>
    public virtual Type ElementType { get; }

    /// <inheritdoc />
    public override DynamoDbTypeMapping? DynamoDbElementMapping => _elementMapping;

    /// <inheritdoc />
    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DynamoDbCollectionTypeMapping(parameters, Kind, ElementType, _elementMapping);

    /// <inheritdoc />
    public override bool IsStoredAsMissing(object value) => Kind == DynamoDbCollectionKind.Set && !((IEnumerable)value).GetEnumerator().MoveNext();

    /// <inheritdoc />
    public override AttributeValue CreateAttributeValue(object value)
    {
        switch (Kind)
        {
            case DynamoDbCollectionKind.List:
                return new AttributeValue { L = ((IEnumerable)value).Cast<object?>().Select(CreateElement).ToList() };
            case DynamoDbCollectionKind.Map:
                var map = new Dictionary<string, AttributeValue>();
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    map[(string)entry.Key] = CreateElement(entry.Value);
                }

                return new AttributeValue { M = map };
            default:
                var elements = ((IEnumerable)value).Cast<object?>()
                    .Select(e => e is null
                        ? throw new InvalidOperationException(DynamoDbStrings.NullInSet(ClrType.ShortDisplayName()))
                        : _elementMapping.CreateAttributeValue(e))
                    .ToList();
                return _elementMapping.AttributeType switch
                {
                    DynamoDbAttributeType.String => new AttributeValue { SS = elements.Select(e => e.S).ToList() },
                    DynamoDbAttributeType.Number => new AttributeValue { NS = elements.Select(e => e.N).ToList() },
                    _ => new AttributeValue { BS = elements.Select(e => e.B).ToList() },
                };
        }
    }

    /// <summary>
    /// True when an item without the attribute reads as an empty collection rather than null: DynamoDB has no empty
    /// set, and a dictionary is never missing when EF wrote it. Query conditions on the size of such a property
    /// count a missing attribute as empty, so the database agrees with the values EF materializes.
    /// </summary>
    public virtual bool ReadsMissingAsEmpty => Kind != DynamoDbCollectionKind.List;

    /// <inheritdoc />
    public override Expression CreateMissingValueExpression(Type targetType)
        => ReadsMissingAsEmpty
            ? CreateValueReadExpression(Expression.Constant(null, typeof(AttributeValue)), "", targetType)
            : base.CreateMissingValueExpression(targetType);

    /// <inheritdoc />
    public override Expression CreateValueReadExpression(Expression attributeValue, string attributeName, Type targetType)
    {
        var method = Kind switch
        {
            DynamoDbCollectionKind.List => ReadListMethod,
            DynamoDbCollectionKind.Set => ReadSetMethod,
            _ => ReadMapMethod,
        };
        var read = Expression.Call(
            method.MakeGenericMethod(ElementType),
            attributeValue,
            Expression.Constant(attributeName),
            Expression.Constant(ElementReader),
            Expression.Constant(ClrType.IsArray));
        return Expression.Convert(read, targetType);
    }

    // Reads one element (or map value) from its AttributeValue, compiled once per mapping.
    private Delegate ElementReader
        => _elementReader ??= CreateElementReader();

    private Delegate CreateElementReader()
    {
        var value = Expression.Parameter(typeof(AttributeValue), "value");
        var read = Expression.Condition(
            Expression.Equal(Expression.Property(value, nameof(AttributeValue.NULL)), Expression.Constant(true, typeof(bool?))),
            Expression.Default(ElementType),
            _elementMapping.CreateValueReadExpression(value, "element", ElementType));
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(AttributeValue), ElementType), read, value).Compile();
    }

    private AttributeValue CreateElement(object? element)
        => element is null ? new AttributeValue { NULL = true } : _elementMapping.CreateAttributeValue(element);

    private static object ReadList<TElement>(AttributeValue? value, string attributeName, Func<AttributeValue, TElement> readElement, bool asArray)
    {
        if (value is not null && value.L is null)
        {
            throw AttributeValueReader.Unexpected(attributeName, "L", value);
        }

        var list = value?.L?.Select(readElement).ToList() ?? [];
        return asArray ? list.ToArray() : list;
    }

    private static object ReadSet<TElement>(AttributeValue? value, string attributeName, Func<AttributeValue, TElement> readElement, bool asArray)
    {
        var elements = value switch
        {
            null => [],
            { SS: { } strings } => strings.Select(s => new AttributeValue { S = s }),
            { NS: { } numbers } => numbers.Select(n => new AttributeValue { N = n }),
            { BS: { } binaries } => binaries.Select(b => new AttributeValue { B = b }),
            _ => throw AttributeValueReader.Unexpected(attributeName, "SS, NS or BS", value),
        };
        return elements.Select(readElement).ToHashSet();
    }

    private static object ReadMap<TElement>(AttributeValue? value, string attributeName, Func<AttributeValue, TElement> readElement, bool asArray)
    {
        if (value is not null && value.M is null)
        {
            throw AttributeValueReader.Unexpected(attributeName, "M", value);
        }

        return value?.M?.ToDictionary(p => p.Key, p => readElement(p.Value)) ?? [];
    }
}
