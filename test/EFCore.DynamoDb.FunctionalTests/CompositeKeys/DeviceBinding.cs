namespace EFCore.DynamoDb.FunctionalTests.CompositeKeys;

/// <summary>A device bound to a slot, keyed by {Tenant, Site, Slot}; its Serial is unique (a unique index with guard items).</summary>
public class DeviceBinding
{
    public string Tenant { get; set; } = "";

    public string Site { get; set; } = "";

    public int Slot { get; set; }

    public string Serial { get; set; } = "";
}
