namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The clause of a DynamoDB update expression an update action belongs to.</summary>
public enum DynamoDbUpdateActionKind
{
    /// <summary><c>SET path = value</c>; a value that is null (or stored as no attribute) becomes a REMOVE.</summary>
    Set,

    /// <summary><c>REMOVE path</c>.</summary>
    Remove,

    /// <summary><c>ADD path :set</c>: adds elements to a set attribute.</summary>
    Add,

    /// <summary><c>DELETE path :set</c>: removes elements from a set attribute.</summary>
    Delete,
}
