// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>The storage class of a table.</summary>
public enum DynamoDbTableClass
{
    /// <summary>STANDARD: the default.</summary>
    Standard,

    /// <summary>STANDARD_INFREQUENT_ACCESS: cheaper storage, dearer reads and writes.</summary>
    StandardInfrequentAccess,
}
