namespace EFCore.DynamoDb.FunctionalTests.Loading;

/// <summary>A principal with a collection navigation (virtual, for lazy-loading proxies).</summary>
public class Shopper
{
    /// <summary>The partition key.</summary>
    public string Id { get; set; } = "";

    /// <summary>The shopper's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The shopper's baskets, by <see cref="Basket.ShopperId" />.</summary>
    public virtual List<Basket> Baskets { get; set; } = [];
}
