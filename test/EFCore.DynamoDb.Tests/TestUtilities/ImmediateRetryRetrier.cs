using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>The request retrier without its wait before asking again for unprocessed keys, so a test runs every attempt quickly.</summary>
public sealed class ImmediateRetryRetrier(IExecutionStrategyFactory executionStrategyFactory) : DynamoDbRequestRetrier(executionStrategyFactory)
{
    /// <summary>Makes a context ask again for unprocessed keys at once.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<DynamoDbRequestRetrier, ImmediateRetryRetrier>();

    /// <inheritdoc />
    public override TimeSpan UnprocessedRetryDelay(int attempt) => TimeSpan.Zero;
}
