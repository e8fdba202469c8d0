using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal.Converters;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// How a CLR type is stored in a DynamoDB attribute: its (possibly converted) provider type decides the attribute
/// type (S, N, B or BOOL). It builds the typed read expression the materializer compiles and the
/// <see cref="AttributeValue" /> a write or a key condition sends.
/// </summary>
public class DynamoDbTypeMapping : CoreTypeMapping
{
    /// <summary>Creates a mapping for a CLR type, optionally stored through a converter.</summary>
    public DynamoDbTypeMapping(Type clrType, ValueConverter? converter = null, ValueComparer? comparer = null, ValueComparer? keyComparer = null)
        : this(new CoreTypeMappingParameters(clrType, converter, comparer, keyComparer))
    {
    }

    /// <summary>Creates a mapping from EF's mapping parameters (used by cloning).</summary>
    protected DynamoDbTypeMapping(CoreTypeMappingParameters parameters)
        : base(parameters)
    {
        var providerType = Nullable.GetUnderlyingType(Converter?.ProviderClrType ?? ClrType) ?? Converter?.ProviderClrType ?? ClrType;
        ProviderClrType = providerType;
        AttributeType = AttributeValueWriter.GetAttributeType(providerType);
    }

    /// <summary>The non-nullable CLR type the value has on the wire, after any converter.</summary>
    public virtual Type ProviderClrType { get; }

    /// <summary>The DynamoDB attribute type, or null when the provider type is not a scalar DynamoDB type.</summary>
    public virtual DynamoDbAttributeType? AttributeType { get; }

    /// <inheritdoc />
    public override CoreTypeMapping WithComposedConverter(
        ValueConverter? converter,
        ValueComparer? comparer = null,
        ValueComparer? keyComparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        => new DynamoDbTypeMapping(Parameters.WithComposedConverter(converter, comparer, keyComparer, elementMapping, jsonValueReaderWriter));

    /// <inheritdoc />
    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DynamoDbTypeMapping(parameters);

    /// <summary>The mapping of a collection's elements, for a collection mapping; null for a scalar one.</summary>
    public virtual DynamoDbTypeMapping? DynamoDbElementMapping => null;

    /// <summary>
    /// The attribute value for a non-null model value (the converter, if any, is applied first). A converter may turn a
    /// value into null (EF lets it): that is stored as DynamoDB's NULL, which reads back as null as a missing attribute does.
    /// </summary>
    public virtual AttributeValue CreateAttributeValue(object value)
        => Converter is null
            ? AttributeValueWriter.Write(value)
            : Converter.ConvertToProvider(value) is { } providerValue
                ? AttributeValueWriter.Write(providerValue)
                : new AttributeValue { NULL = true };

    /// <summary>
    /// The attribute value a null model value is stored as: none (no attribute, as null is stored), unless the converter
    /// converts nulls (EF gives such a converter the null) and makes a value of it.
    /// </summary>
    public virtual AttributeValue? CreateNullAttributeValue()
        => Converter is { ConvertsNulls: true } converter && converter.ConvertToProvider(null) is { } providerValue
            ? AttributeValueWriter.Write(providerValue)
            : null;

    /// <summary>
    /// For a value whose equal values have several stored forms (a <see cref="DateTimeOffset" />: one instant at
    /// different offsets, which C# compares as equal), the lowest and highest attribute values holding it, so that a
    /// comparison matches by instant: <c>==</c> is BETWEEN them, <c>&lt;</c> below the lowest, <c>&gt;</c> above the
    /// highest. Null for a value with one stored form, compared as it is stored. Keys keep their exact form: EF
    /// identifies entities with <c>EqualsExact</c>.
    /// </summary>
    public virtual (AttributeValue Low, AttributeValue High)? CreateEqualRange(object value)
        => Converter is DateTimeOffsetToSortableStringConverter && value is DateTimeOffset dateTimeOffset
            ? (new AttributeValue { S = DateTimeOffsetToSortableStringConverter.InstantLowerBound(dateTimeOffset) },
                new AttributeValue { S = DateTimeOffsetToSortableStringConverter.InstantUpperBound(dateTimeOffset) })
            : null;

    /// <summary>
    /// An expression that reads <paramref name="attributeName" /> from <paramref name="item" /> as
    /// <paramref name="targetType" />: <see cref="CreateMissingValueExpression" /> when the attribute is missing or
    /// NULL, otherwise <see cref="CreateValueReadExpression" />.
    /// </summary>
    public virtual Expression CreateReadExpression(Expression item, string attributeName, Type targetType)
    {
        var attributeValue = Expression.Variable(typeof(AttributeValue), "attributeValue");
        return Expression.Block(
            targetType,
            [attributeValue],
            Expression.Assign(attributeValue, Expression.Call(AttributeValueReader.FindMethod, item, Expression.Constant(attributeName))),
            Expression.Condition(
                Expression.Equal(attributeValue, Expression.Constant(null, typeof(AttributeValue))),
                CreateMissingValueExpression(targetType),
                CreateValueReadExpression(attributeValue, attributeName, targetType)));
    }

    /// <summary>
    /// The value a missing or NULL attribute reads as: the type's default, or what a converter that converts nulls
    /// makes of a null provider value (a model value it wrote as NULL must read back as itself).
    /// </summary>
    public virtual Expression CreateMissingValueExpression(Type targetType)
    {
        if (Converter is not { ConvertsNulls: true } converter)
        {
            return Expression.Default(targetType);
        }

        var fromProvider = converter.ConvertFromProviderExpression;
        var providerParameterType = fromProvider.Parameters[0].Type;
        if (providerParameterType.IsValueType && Nullable.GetUnderlyingType(providerParameterType) is null)
        {
            // A provider type that cannot hold null never gives the converter a null to convert.
            return Expression.Default(targetType);
        }

        var value = ReplaceParameter(fromProvider, Expression.Constant(null, providerParameterType));
        return value.Type == targetType ? value : Expression.Convert(value, targetType);
    }

    /// <summary>
    /// An expression that reads a present <paramref name="attributeValue" /> as <paramref name="targetType" />: one
    /// typed reader call followed by the converter's own expression, inlined.
    /// </summary>
    public virtual Expression CreateValueReadExpression(Expression attributeValue, string attributeName, Type targetType)
    {
        Expression value = Expression.Call(AttributeValueReader.GetReadMethod(ProviderClrType), attributeValue, Expression.Constant(attributeName));
        if (Converter is { } converter)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            var providerParameterType = fromProvider.Parameters[0].Type;
            value = ReplaceParameter(
                fromProvider,
                value.Type == providerParameterType ? value : Expression.Convert(value, providerParameterType));
        }

        return value.Type == targetType ? value : Expression.Convert(value, targetType);
    }

    /// <summary>
    /// True when the value is stored as no attribute at all, as null is: DynamoDB has no empty sets.
    /// </summary>
    public virtual bool IsStoredAsMissing(object value) => false;

    private static Expression ReplaceParameter(LambdaExpression lambda, Expression replacement)
        => new ParameterReplacer(lambda.Parameters[0], replacement).Visit(lambda.Body);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
