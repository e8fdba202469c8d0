namespace EFCore.DynamoDb.FunctionalTests.KeyConverters;

/// <summary>
/// Keyed by a struct; addressed to a custom type; with a note a converter stores an empty text of as NULL, and a
/// carrier a converter stores as NULL when unassigned and reads back from NULL, and an insurance a converter stores
/// as "none" when there is none.
/// </summary>
public class Parcel
{
    public ParcelId Id { get; set; }

    public EmailAddress Recipient { get; set; } = new("");

    public string? Note { get; set; }

    public string Carrier { get; set; } = Unassigned;

    public string? Insurance { get; set; }

    /// <summary>The carrier of a parcel no carrier has taken yet, stored as NULL.</summary>
    public const string Unassigned = "(unassigned)";
}
