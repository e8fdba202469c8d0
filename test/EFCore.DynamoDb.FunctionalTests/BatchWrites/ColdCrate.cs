namespace EFCore.DynamoDb.FunctionalTests.BatchWrites;

/// <summary>A derived crate in the crates' table, told apart by the discriminator.</summary>
public class ColdCrate : Crate
{
    public double Temperature { get; set; }
}
