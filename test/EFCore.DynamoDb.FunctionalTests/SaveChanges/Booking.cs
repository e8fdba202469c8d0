namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>An entity with a partition and a sort key.</summary>
public class Booking
{
    public string Venue { get; set; } = "";

    public string Slot { get; set; } = "";

    public string Guest { get; set; } = "";
}
