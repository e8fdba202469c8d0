namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>
/// Readings of two tenants in two regions over three days, from several sensors, each with a few sequence numbers:
/// enough for every shape of multi-attribute key condition to select a proper subset.
/// </summary>
public static class ReadingSeed
{
    public static IReadOnlyList<Reading> Create()
    {
        var readings = new List<Reading>();
        foreach (var tenant in new[] { "acme", "globex" })
        {
            foreach (var region in new[] { "eu", "us" })
            {
                for (var day = 1; day <= 3; day++)
                {
                    foreach (var sensor in new[] { "humidity-1", "temp-1", "temp-2" })
                    {
                        for (var sequence = 1; sequence <= 3; sequence++)
                        {
                            readings.Add(new Reading
                            {
                                Id = $"{tenant}/{region}/{day}/{sensor}/{sequence}",
                                Tenant = tenant,
                                Region = region,
                                Day = new DateOnly(2026, 3, day),
                                Sensor = sensor,
                                Sequence = sequence,
                                Value = day * 10 + sequence,
                            });
                        }
                    }
                }
            }
        }

        return readings;
    }
}
