namespace EFCore.DynamoDb.Update.Internal;

/// <summary>The single-item write a changed entity becomes.</summary>
public enum DynamoDbWriteOperation
{
    /// <summary>PutItem of a new item, conditioned on its key not existing.</summary>
    Put,

    /// <summary>UpdateItem of the changed attributes, conditioned on the item existing.</summary>
    Update,

    /// <summary>DeleteItem, conditioned on the item existing.</summary>
    Delete,
}
