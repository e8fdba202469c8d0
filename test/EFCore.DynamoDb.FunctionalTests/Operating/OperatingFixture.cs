using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>The table Notes with two notes, "n1" and "n2".</summary>
public sealed class OperatingFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<OperatingContext>(server)
{
    /// <inheritdoc />
    protected override async Task SeedAsync(OperatingContext context)
    {
        context.Notes.AddRange(new Note { Id = "n1", Text = "first" }, new Note { Id = "n2", Text = "second" });
        await context.SaveChangesAsync();
    }
}
