using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// The write requests a context started to send, recorded before they reach the server. <see cref="RequestLog" />
/// records only the requests DynamoDB answered, so a request it refused leaves no trace there: a test that says
/// "nothing was sent" asserts this log is empty.
/// </summary>
public static class AttemptLog
{
    /// <summary>Makes a context record the writes it attempts.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<IDynamoDbClientWrapper, Wrapper>();

    /// <summary>The operations of the writes the context attempted, in order (for a context configured with <see cref="Use" />).</summary>
    public static IReadOnlyList<string> Of(DbContext context)
    {
        var attempts = ((Wrapper)context.GetService<IDynamoDbClientWrapper>()).Attempts;
        lock (attempts)
        {
            return attempts.ToList();
        }
    }

    private sealed class Wrapper(ISingletonDynamoDbClient singletonClient, IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
        : DynamoDbClientWrapper(singletonClient, commandLogger)
    {
        public List<string> Attempts { get; } = [];

        public override Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
            => base.PutItemAsync(Record(request, "PutItem"), cancellationToken);

        public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
            => base.UpdateItemAsync(Record(request, "UpdateItem"), cancellationToken);

        public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
            => base.DeleteItemAsync(Record(request, "DeleteItem"), cancellationToken);

        public override Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
            => base.TransactWriteItemsAsync(Record(request, "TransactWriteItems"), cancellationToken);

        private TRequest Record<TRequest>(TRequest request, string operation)
        {
            lock (Attempts)
            {
                Attempts.Add(operation);
            }

            return request;
        }
    }
}
