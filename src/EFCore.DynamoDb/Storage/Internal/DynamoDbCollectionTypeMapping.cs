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
    public override bool IsStoredAsMissing(object value)
        => Kind == DynamoDbCollectionKind.Set && (KnownCount(value) is var count && count >= 0 ? count == 0 : !((IEnumerable)value).GetEnumerator().MoveNext());

    /// <inheritdoc />
    public override AttributeValue CreateAttributeValue(object value)
    {
        switch (Kind)
        {
            case DynamoDbCollectionKind.List:
                var list = new List<AttributeValue>(CountOf(value));
                foreach (var element in (IEnumerable)value)
                {
                    list.Add(CreateElement(element));
                }

                return new AttributeValue { L = list };
            case DynamoDbCollectionKind.Map:
                var map = new Dictionary<string, AttributeValue>(CountOf(value));
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    map[(string)entry.Key] = CreateElement(entry.Value);
                }

                return new AttributeValue { M = map };
            default:
                // A set's elements go through the element mapping (converters, number formats) and are kept as the
                // strings, numbers or binaries it makes, without a list of attribute values in between.
                var attributeType = _elementMapping.AttributeType;
                var isText = attributeType is DynamoDbAttributeType.String or DynamoDbAttributeType.Number;
                var strings = isText ? new List<string>(CountOf(value)) : null;
                var binaries = isText ? null : new List<MemoryStream>(CountOf(value));
                foreach (var element in (IEnumerable)value)
                {
                    var attributeValue = element is null
                        ? throw new InvalidOperationException(DynamoDbStrings.NullInSet(ClrType.ShortDisplayName()))
                        : _elementMapping.CreateAttributeValue(element);
                    if (binaries is not null)
                    {
                        binaries.Add(attributeValue.B);
                    }
                    else
                    {
                        strings!.Add(attributeType == DynamoDbAttributeType.String ? attributeValue.S : attributeValue.N);
                    }
                }

                return attributeType switch
                {
                    DynamoDbAttributeType.String => new AttributeValue { SS = strings },
                    DynamoDbAttributeType.Number => new AttributeValue { NS = strings },
                    _ => new AttributeValue { BS = binaries },
                };
        }
    }

    // The element count when the collection knows it without enumerating (a set of a reference type is a read-only
    // collection of objects), else -1.
    private static int KnownCount(object collection)
        => collection switch
        {
            ICollection c => c.Count,
            IReadOnlyCollection<object> c => c.Count,
            _ => -1,
        };

    private static int CountOf(object collection) => Math.Max(KnownCount(collection), 0);

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

        if (value?.L is not { } elements)
        {
            return asArray ? Array.Empty<TElement>() : new List<TElement>();
        }

        if (asArray)
        {
            var array = new TElement[elements.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = readElement(elements[i]);
            }

            return array;
        }

        var list = new List<TElement>(elements.Count);
        foreach (var element in elements)
        {
            list.Add(readElement(element));
        }

        return list;
    }

    // A set's elements are plain strings (or streams) in the item; each is read through the element reader from one
    // attribute value reused for all of them, as the reader keeps nothing of it.
    private static object ReadSet<TElement>(AttributeValue? value, string attributeName, Func<AttributeValue, TElement> readElement, bool asArray)
    {
        switch (value)
        {
            case null:
                return new HashSet<TElement>();
            case { SS: { } strings }:
                return ReadSetElements(strings, static (v, s) => v.S = s, readElement);
            case { NS: { } numbers }:
                return ReadSetElements(numbers, static (v, n) => v.N = n, readElement);
            case { BS: { } binaries }:
                return ReadSetElements(binaries, static (v, b) => v.B = b, readElement);
            default:
                throw AttributeValueReader.Unexpected(attributeName, "SS, NS or BS", value);
        }
    }

    private static HashSet<TElement> ReadSetElements<TStored, TElement>(
        List<TStored> stored,
        Action<AttributeValue, TStored> setValue,
        Func<AttributeValue, TElement> readElement)
    {
        var set = new HashSet<TElement>(stored.Count);
        var element = new AttributeValue();
        foreach (var item in stored)
        {
            setValue(element, item);
            set.Add(readElement(element));
        }

        return set;
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
