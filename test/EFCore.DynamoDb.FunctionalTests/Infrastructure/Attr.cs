using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>Short constructors of raw <see cref="AttributeValue" />s for keys and raw writes.</summary>
public static class Attr
{
    /// <summary>An S value.</summary>
    public static AttributeValue S(string value) => new() { S = value };

    /// <summary>An N value.</summary>
    public static AttributeValue N(string value) => new() { N = value };

    /// <summary>An N value from an integer.</summary>
    public static AttributeValue N(long value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A NULL value, as other tools write it.</summary>
    public static AttributeValue Null() => new() { NULL = true };
}
