namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>The DynamoDB attribute types a scalar property is stored as.</summary>
public enum DynamoDbAttributeType
{
    /// <summary>S: a string.</summary>
    String,

    /// <summary>N: a number.</summary>
    Number,

    /// <summary>B: binary.</summary>
    Binary,

    /// <summary>BOOL: a Boolean.</summary>
    Boolean,
}
