using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>
/// The provider's client wrapper with its write operations answered without sending anything: each PutItem,
/// UpdateItem, DeleteItem and TransactWriteItems is recorded, then handed to <see cref="OnWrite" /> (which may delay or
/// throw), and the most requests ever in flight at once is kept.
/// </summary>
public sealed class FakeWriteClientWrapper(
    ISingletonDynamoDbClient singletonClient,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger)
    : DynamoDbClientWrapper(singletonClient, commandLogger)
{
    private readonly Lock _lock = new();
    private readonly List<AmazonWebServiceRequest> _requests = [];
    private int _inFlight;

    /// <summary>What each write does before it succeeds: by default nothing.</summary>
    public Func<AmazonWebServiceRequest, Task> OnWrite { get; set; } = _ => Task.CompletedTask;

    /// <summary>The write requests in the order they started.</summary>
    public IReadOnlyList<AmazonWebServiceRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The most writes that were in flight at the same time.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>The wrapper of a context created with <see cref="Use" />.</summary>
    public static FakeWriteClientWrapper Of(DbContext context) => (FakeWriteClientWrapper)context.GetService<IDynamoDbClientWrapper>();

    /// <summary>Makes a context answer its writes with this fake instead of sending them.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<IDynamoDbClientWrapper, FakeWriteClientWrapper>();

    /// <inheritdoc />
    public override async Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
    {
        await WriteAsync(request);
        return new PutItemResponse();
    }

    /// <inheritdoc />
    public override async Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        await WriteAsync(request);
        return new UpdateItemResponse();
    }

    /// <inheritdoc />
    public override async Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
    {
        await WriteAsync(request);
        return new DeleteItemResponse();
    }

    /// <inheritdoc />
    public override async Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
    {
        await WriteAsync(request);
        return new TransactWriteItemsResponse();
    }

    private async Task WriteAsync(AmazonWebServiceRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            await OnWrite(request);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }
        }
    }
}
