using Microsoft.EntityFrameworkCore;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.MultiAttributeKeys;

/// <summary>The <see cref="ReadingSeed" /> readings, written once per test class.</summary>
public sealed class ReadingsFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ReadingsContext>(server)
{
    /// <summary>The readings as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Reading> Readings { get; } = ReadingSeed.Create();

    /// <inheritdoc />
    protected override async Task SeedAsync(ReadingsContext context)
    {
        await context.Readings.BatchPutAsync(ReadingSeed.Create());
    }
}
