using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.RelationalNames;

/// <summary>Three members in AspNetMembers.</summary>
public class RelationalNamesFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<RelationalNamesContext>(server)
{
    /// <inheritdoc />
    protected override async Task SeedAsync(RelationalNamesContext context)
    {
        context.Members.AddRange(
            new Member { Id = "1", NormalizedUserName = "ANN", NormalizedEmail = "ANN@EXAMPLE.COM" },
            new Member { Id = "2", NormalizedUserName = "BOB", NormalizedEmail = "BOB@EXAMPLE.COM" },
            new Member { Id = "3", NormalizedUserName = "CY", NormalizedEmail = "CY@EXAMPLE.COM" });
        await context.SaveChangesAsync();
    }
}
