namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>How a collection property is stored.</summary>
public enum DynamoDbCollectionKind
{
    /// <summary>L: a list, order kept, elements of any mapped type.</summary>
    List,

    /// <summary>SS, NS or BS: a set of strings, numbers or binaries; an empty set is stored as no attribute.</summary>
    Set,

    /// <summary>M: a map from string keys to values of any mapped type.</summary>
    Map,
}
