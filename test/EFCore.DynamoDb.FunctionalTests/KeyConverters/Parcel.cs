namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>Keyed by a struct; addressed to a custom type; with a note a converter stores an empty text of as NULL.</summary>
public class Parcel
{
    public ParcelId Id { get; set; }

    public EmailAddress Recipient { get; set; } = new("");

    public string? Note { get; set; }
}
