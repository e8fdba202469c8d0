namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>A dependent with a reference navigation to its <see cref="Shopper" />.</summary>
public class Basket
{
    /// <summary>The partition key.</summary>
    public string Id { get; set; } = "";

    /// <summary>The foreign key: the index EF creates for it becomes a GSI under <c>MapIndexesToGlobalSecondaryIndexes</c>.</summary>
    public string ShopperId { get; set; } = "";

    /// <summary>The basket's total.</summary>
    public int Total { get; set; }

    /// <summary>The owning shopper.</summary>
    public virtual Shopper? Shopper { get; set; }
}
