using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.ClientEvaluation;

/// <summary>The <see cref="PostSeed" /> posts, written once per test class.</summary>
public sealed class ClientEvaluationFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<ClientEvaluationContext>(server)
{
    /// <summary>The posts as they are stored, for LINQ-to-Objects.</summary>
    public IReadOnlyList<Post> Posts { get; } = PostSeed.Create();

    /// <inheritdoc />
    protected override async Task SeedAsync(ClientEvaluationContext context)
    {
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Posts.AddRange(PostSeed.Create());
        await context.SaveChangesAsync();
    }
}
