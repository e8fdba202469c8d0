namespace EFCore.DynamoDb.FunctionalTests.OwnedTypes;

/// <summary>An entity owning an optional reference (<see cref="Home" />) and a collection (<see cref="CartLine" />s).</summary>
public class Shopper
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public Home? Home { get; set; }

    public List<CartLine> Cart { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>An owned reference holding another owned reference.</summary>
public class Home
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public Location? Location { get; set; }
}

/// <summary>An owned reference inside an owned reference.</summary>
public class Location
{
    public double Lat { get; set; }

    public double Lon { get; set; }
}

/// <summary>An element of an owned collection, owning an optional reference.</summary>
public class CartLine
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }

    public Discount? Discount { get; set; }
}

/// <summary>An owned reference inside an owned collection's element.</summary>
public class Discount
{
    public int Percent { get; set; }
}
