using System.Globalization;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// A value in a translated query: a constant of the query's shape, or a parameter EF extracted from a captured
/// variable, read from the <see cref="QueryContext" /> each time the query runs so the compiled query is reused.
/// </summary>
public sealed class QueryValue
{
    private readonly Func<QueryContext, object?>? _computed;

    private QueryValue(object? constant, string? parameterName, Func<QueryContext, object?>? computed = null)
    {
        Constant = constant;
        ParameterName = parameterName;
        _computed = computed;
    }

    /// <summary>The constant value, when <see cref="ParameterName" /> is null.</summary>
    public object? Constant { get; }

    /// <summary>The name of the query parameter, or null for a constant.</summary>
    public string? ParameterName { get; }

    /// <summary>A constant.</summary>
    public static QueryValue FromConstant(object? value) => new(value, null);

    /// <summary>A query parameter.</summary>
    public static QueryValue FromParameter(string name) => new(null, name);

    /// <summary>
    /// A value computed from query parameters each time the query runs, such as <c>new DateTime(year, 1, 1)</c>
    /// when EF kept the constructor and parameterized only its arguments.
    /// </summary>
    public static QueryValue FromComputation(string description, Func<QueryContext, object?> computation) => new(null, description, computation);

    /// <summary>
    /// True for a value computed each time it is read (<see cref="FromComputation" />), which a second read may find
    /// different, as the current time of a time-to-live check is.
    /// </summary>
    public bool IsComputed => _computed is not null;

    /// <summary>The raw value for this execution, without conversion.</summary>
    public object? GetValue(QueryContext queryContext)
        => _computed is not null ? _computed(queryContext) : ParameterName is null ? Constant : queryContext.Parameters[ParameterName];

    /// <summary>
    /// The value for this execution, as an instance of <paramref name="targetType" /> (the compared property's
    /// CLR type): C# compares an enum through its number and widens nullable operands, so the value may arrive as
    /// another type than the property's.
    /// </summary>
    public object? Evaluate(QueryContext queryContext, Type targetType)
        => Coerce(GetValue(queryContext), targetType);

    /// <summary>Converts a value to <paramref name="targetType" /> the way <see cref="Evaluate" /> does.</summary>
    public static object? Coerce(object? value, Type targetType)
    {
        if (value is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, value);
        }

        // C# widens a property to compare it with a wider number (`(double)e.Quantity > 2.5`). DynamoDB compares
        // numbers by value, so a value the property's type cannot hold exactly is sent as it is, not rounded.
        if (IsNumber(type) && IsNumber(value.GetType()))
        {
            return ConvertExactly(value, type) ?? value;
        }

        return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static bool IsNumber(Type type) => !type.IsEnum && Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static object? ConvertExactly(object value, Type type)
    {
        try
        {
            var converted = Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            return Convert.ChangeType(converted, value.GetType(), CultureInfo.InvariantCulture).Equals(value) ? converted : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => ParameterName is null ? $"'{Constant}'" : "@" + ParameterName;
}
