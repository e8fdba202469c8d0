using EFCore.DynamoDb.Storage.Internal.Converters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The scalar CLR types the provider stores, and how: strings as S, Booleans as BOOL, every number as N, byte[]
/// as B; Guid and the date and time types as sortable ISO-8601 strings; enums as their underlying number.
/// Anything else goes through a user's value converter or fails model validation with EF's own message.
/// </summary>
public class DynamoDbTypeMappingSource : TypeMappingSource
{
    private readonly Dictionary<Type, DynamoDbTypeMapping> _mappings;

    /// <summary>Creates the mapping source.</summary>
    public DynamoDbTypeMappingSource(TypeMappingSourceDependencies dependencies)
        : base(dependencies)
    {
        var bytesComparer = ValueComparer.CreateDefault(typeof(byte[]), favorStructuralComparisons: true);
        _mappings = new Dictionary<Type, DynamoDbTypeMapping>
        {
            [typeof(string)] = new(typeof(string)),
            [typeof(bool)] = new(typeof(bool)),
            [typeof(byte[])] = new(typeof(byte[]), comparer: bytesComparer, keyComparer: bytesComparer),
            [typeof(byte)] = new(typeof(byte)),
            [typeof(sbyte)] = new(typeof(sbyte)),
            [typeof(short)] = new(typeof(short)),
            [typeof(ushort)] = new(typeof(ushort)),
            [typeof(int)] = new(typeof(int)),
            [typeof(uint)] = new(typeof(uint)),
            [typeof(long)] = new(typeof(long)),
            [typeof(ulong)] = new(typeof(ulong)),
            [typeof(float)] = new(typeof(float)),
            [typeof(double)] = new(typeof(double)),
            [typeof(decimal)] = new(typeof(decimal)),
            [typeof(char)] = new(typeof(char), new CharToStringConverter()),
            [typeof(Guid)] = new(typeof(Guid), new GuidToStringConverter()),
            [typeof(DateTime)] = new(typeof(DateTime), new DateTimeToIsoStringConverter()),
            [typeof(DateTimeOffset)] = new(typeof(DateTimeOffset), new DateTimeOffsetToSortableStringConverter()),
            [typeof(DateOnly)] = new(typeof(DateOnly), new DateOnlyToStringConverter()),
            [typeof(TimeOnly)] = new(typeof(TimeOnly), new TimeOnlyToSortableStringConverter()),
            [typeof(TimeSpan)] = new(typeof(TimeSpan), new TimeSpanToSortableStringConverter()),
        };
    }

    /// <inheritdoc />
    public override CoreTypeMapping? FindMapping(IProperty property)
    {
        var mapping = base.FindMapping(property);
        if (property.GetKeyPrefix() is not { } prefix
            || mapping is not DynamoDbTypeMapping { AttributeType: DynamoDbAttributeType.String or DynamoDbAttributeType.Number } dynamoDbMapping)
        {
            return mapping;
        }

        // The prefix goes in front of the stored text, after any conversion: a number becomes its invariant text first.
        var converter = dynamoDbMapping.Converter;
        if (dynamoDbMapping.ProviderClrType != typeof(string))
        {
            var toText = (ValueConverter)Activator.CreateInstance(typeof(ToInvariantStringConverter<>).MakeGenericType(dynamoDbMapping.ProviderClrType))!;
            converter = converter is null ? toText : converter.ComposeWith(toText);
        }

        var keyPrefix = new KeyPrefixConverter(prefix);
        return new DynamoDbTypeMapping(
            dynamoDbMapping.ClrType,
            converter is null ? keyPrefix : converter.ComposeWith(keyPrefix),
            dynamoDbMapping.Comparer,
            dynamoDbMapping.KeyComparer);
    }

    /// <inheritdoc />
    protected override CoreTypeMapping? FindMapping(in TypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType;
        if (clrType is null)
        {
            return null;
        }

        clrType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (_mappings.TryGetValue(clrType, out var mapping))
        {
            return mapping;
        }

        if (FindCollectionMapping(clrType) is { } collectionMapping)
        {
            return collectionMapping;
        }

        if (clrType.IsEnum)
        {
            var converter = (ValueConverter)Activator.CreateInstance(
                typeof(EnumToNumberConverter<,>).MakeGenericType(clrType, Enum.GetUnderlyingType(clrType)))!;
            return new DynamoDbTypeMapping(clrType, converter);
        }

        return null;
    }

    // Lists, arrays and list interfaces → L; sets of strings, numbers or binaries → SS/NS/BS; string-keyed
    // dictionaries → M. Elements are mapped like any property, so nested collections work.
    private DynamoDbCollectionTypeMapping? FindCollectionMapping(Type clrType)
    {
        if (clrType == typeof(string) || clrType == typeof(byte[]))
        {
            return null;
        }

        var (kind, elementType) = clrType switch
        {
            { IsArray: true } when clrType.GetArrayRank() == 1 => (DynamoDbCollectionKind.List, clrType.GetElementType()),
            { IsGenericType: true } when clrType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                    || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
                => (DynamoDbCollectionKind.List, clrType.GetGenericArguments()[0]),
            { IsGenericType: true } when clrType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
                => (DynamoDbCollectionKind.Set, clrType.GetGenericArguments()[0]),
            { IsGenericType: true } when clrType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
                && clrType.GetGenericArguments()[0] == typeof(string)
                => (DynamoDbCollectionKind.Map, clrType.GetGenericArguments()[1]),
            _ => ((DynamoDbCollectionKind?)null, (Type?)null),
        };

        if (kind is not { } collectionKind
            || FindMapping(elementType!) is not DynamoDbTypeMapping elementMapping
            || (collectionKind == DynamoDbCollectionKind.Set && elementMapping.AttributeType is null or DynamoDbAttributeType.Boolean))
        {
            return null;
        }

        return new DynamoDbCollectionTypeMapping(
            clrType,
            collectionKind,
            elementType!,
            elementMapping,
            CollectionValueComparers.Create(clrType, collectionKind, elementType!, elementMapping.Comparer));
    }
}
