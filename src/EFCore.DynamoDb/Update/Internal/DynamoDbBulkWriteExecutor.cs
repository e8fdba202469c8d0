using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.CompositeKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Runs a compiled <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>: one conditional UpdateItem or DeleteItem per matching
/// item. A write by whole key reads nothing; otherwise the query's keys are read (through the same querying
/// enumerable as a read of that access path, paging through LastEvaluatedKey) and written as they arrive, at most
/// <c>MaxConcurrentWrites</c> in flight. Each write is conditioned on the item existing and on the query's other
/// conditions, so an item deleted or changed since it was read is left alone; such an item, like a failed
/// condition of a write by key, is not counted. Each write is sent again on its own after a transient failure
/// (<see cref="DynamoDbRequestRetrier" />); any other failure stops the operation with a
/// <see cref="DbUpdateException" /> that says how many items were already changed. Returns the number of items
/// changed.
/// </summary>
/// <remarks>
/// A retried update that is not idempotent (<c>Count + 1</c>) must not be applied twice when the first attempt was
/// applied but its answer lost. Such an update also sets <see cref="WriteTokenAttribute" /> to a token of this write
/// and is conditioned on the item not holding that token yet; a retry that fails the condition and finds its own
/// token in the returned item (ReturnValuesOnConditionCheckFailure=ALL_OLD) was applied before, and counts as done.
/// The cost: one attribute of about 40 bytes in each item such an update wrote, and a longer request.
/// </remarks>
public sealed class DynamoDbBulkWriteExecutor
{
    /// <summary>The attribute that holds the token of the last non-idempotent ExecuteUpdate write of an item.</summary>
    public const string WriteTokenAttribute = "$writeToken";

    private const string WriteTokenName = "#writeToken";
    private const string WriteTokenValue = ":writeToken";

    private readonly DynamoDbBulkWriteExpression _write;
    private readonly string _tableName;
    private readonly CompiledDynamoDbQuery<Dictionary<string, AttributeValue>>? _keyQuery;
    private readonly DynamoDbUpdateExpressionWriter? _updateWriter;
    private readonly int _maxConcurrentWrites;
    private readonly bool _threadSafetyChecksEnabled;
    private readonly IProperty _partitionKey;
    private readonly ItemKeySchema _keySchema;

    /// <summary>
    /// Creates the executor of one compiled ExecuteUpdate/ExecuteDelete; <paramref name="keyQuery" /> reads the keys
    /// when the write is not by whole key.
    /// </summary>
    public DynamoDbBulkWriteExecutor(
        DynamoDbBulkWriteExpression write,
        string tableName,
        CompiledDynamoDbQuery<Dictionary<string, AttributeValue>>? keyQuery,
        int maxConcurrentWrites,
        bool threadSafetyChecksEnabled)
    {
        _write = write;
        _tableName = tableName;
        _keyQuery = keyQuery;
        _maxConcurrentWrites = Math.Max(1, maxConcurrentWrites);
        _threadSafetyChecksEnabled = threadSafetyChecksEnabled;
        _partitionKey = write.Query.EntityType.GetPartitionKeyProperty()!;
        _keySchema = ItemKeySchema.Of(write.Query.EntityType);
        _updateWriter = write.Updates is { } updates ? new DynamoDbUpdateExpressionWriter(write.Query.EntityType, updates) : null;
    }

    /// <summary>The synchronous form: logs <c>DynamoDbEventId.SyncNotSupported</c> (an error by default), then blocks.</summary>
    public int Execute(QueryContext queryContext)
    {
        queryContext.QueryLogger.SyncNotSupported(_write.IsDelete ? "ExecuteDeleteAsync" : "ExecuteUpdateAsync");
        return ExecuteAsync(queryContext).GetAwaiter().GetResult();
    }

    /// <summary>Writes every matching item; returns how many were changed.</summary>
    public async Task<int> ExecuteAsync(QueryContext queryContext)
    {
        var concurrencyDetector = _threadSafetyChecksEnabled ? queryContext.ConcurrencyDetector : null;
        using var _ = concurrencyDetector?.EnterCriticalSection();
        if (_write.Query.MatchesNothing)
        {
            return 0;
        }

        var context = (DynamoDbQueryContext)queryContext;
        var request = CreateRequestTemplate(context);
        if (_write.IsByKey)
        {
            if (CreateKey(context) is not { } key)
            {
                return 0;
            }

            try
            {
                return await WriteAsync(context, request, key, context.CancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw WriteFailed(exception, changed: 0);
            }
        }

        return await WriteEachAsync(context, request, ReadKeys(context)).ConfigureAwait(false);
    }

    // The parts every write of this execution shares: the update expression and the condition, rendered once with
    // one set of placeholders.
    private WriteTemplate CreateRequestTemplate(QueryContext queryContext)
    {
        var writer = new ConditionExpressionWriter(queryContext);
        var withWriteToken = _updateWriter is { IsIdempotent: false };
        var updateExpression = _updateWriter?.Write(writer, queryContext, withWriteToken ? WriteTokenName + " = " + WriteTokenValue : null);
        var condition = "attribute_exists(" + writer.WritePath(_partitionKey) + ")"
            + (_write.WriteCondition is { } writeCondition ? " AND " + writer.Write(writeCondition) : "");
        if (withWriteToken)
        {
            // A non-idempotent update reads an attribute in a SET: its SET clause holds the token.
            condition += " AND (attribute_not_exists(" + WriteTokenName + ") OR " + WriteTokenName + " <> " + WriteTokenValue + ")";
            writer.Names[WriteTokenName] = WriteTokenAttribute;
            return new WriteTemplate(updateExpression, condition, writer.Names, writer.Values, WithWriteToken: true);
        }

        return new WriteTemplate(updateExpression, condition, writer.Names, writer.Values.Count > 0 ? writer.Values : null, WithWriteToken: false);
    }

    // The key of a write by whole key; null when a key value is null, which no item has.
    private Dictionary<string, AttributeValue>? CreateKey(QueryContext queryContext)
        => _keySchema.CreateKey(_write.KeyConditions.ToDictionary(c => c.Property, c => c.Value.Evaluate(queryContext, c.Property.ClrType)));

    // The matching items' keys, read through the querying enumerable of the chosen access path.
    private IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadKeys(DynamoDbQueryContext context)
        => _keyQuery!.RequestBuilder.AccessPath switch
        {
            DynamoDbAccessPath.GetItem => new ItemQueryingEnumerable<Dictionary<string, AttributeValue>>(context, _keyQuery),
            DynamoDbAccessPath.BatchGetItem => new BatchGetQueryingEnumerable<Dictionary<string, AttributeValue>>(context, _keyQuery),
            _ => new PagingQueryingEnumerable<Dictionary<string, AttributeValue>>(context, _keyQuery),
        };

    // Writes each key as it is read, at most MaxConcurrentWrites at once. On the first failure the writes still in
    // flight are cancelled and awaited (the ones that succeeded meanwhile count as changed); a failed write is thrown
    // as a DbUpdateException with that count, a failed read or a cancellation as it is.
    private async Task<int> WriteEachAsync(DynamoDbQueryContext context, WriteTemplate request, IAsyncEnumerable<Dictionary<string, AttributeValue>> items)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);

        // An update through a secondary index can move an item further along the index it is reading (its new sort
        // key comes later): such an item is met again, and must not be updated twice.
        HashSet<string>? seen = _write.Query.Index is not null && !_write.IsDelete ? [] : null;
        var inFlight = new List<Task<bool>>(_maxConcurrentWrites);
        var changed = 0;
        Task<bool>? completed = null;
        try
        {
            await foreach (var item in items.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                var key = KeyOf(item);
                if (seen is not null && !seen.Add(ItemKeyText.Of(key, _write.Query.EntityType)))
                {
                    continue;
                }

                if (inFlight.Count == _maxConcurrentWrites)
                {
                    await CompleteOneAsync().ConfigureAwait(false);
                }

                inFlight.Add(WriteAsync(context, request, key, stop.Token));
            }

            while (inFlight.Count > 0)
            {
                await CompleteOneAsync().ConfigureAwait(false);
            }

            return changed;
        }
        catch (Exception exception)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(inFlight).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
            if (completed is { IsFaulted: true } && exception is not OperationCanceledException)
            {
                throw WriteFailed(exception, changed + inFlight.Count(w => w.IsCompletedSuccessfully && w.Result));
            }

            throw;
        }

        async Task CompleteOneAsync()
        {
            completed = await Task.WhenAny(inFlight).ConfigureAwait(false);
            inFlight.Remove(completed);
            changed += await completed.ConfigureAwait(false) ? 1 : 0;
        }
    }

    private Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item)
        => _keySchema.AttributeNames.ToDictionary(name => name, name => item[name]);

    // One conditional write, sent again by the retrier after a transient failure (a non-idempotent update carries its
    // write token, so one DynamoDB applied without an answer is not applied again); false when its condition failed:
    // the item is missing or no longer matches.
    private async Task<bool> WriteAsync(
        DynamoDbQueryContext context,
        WriteTemplate request,
        Dictionary<string, AttributeValue> key,
        CancellationToken cancellationToken)
    {
        var client = context.Client;
        try
        {
            if (_write.IsDelete)
            {
                var delete = new DeleteItemRequest
                {
                    TableName = _tableName,
                    Key = key,
                    ConditionExpression = request.Condition,
                    ExpressionAttributeNames = request.Names,
                    ExpressionAttributeValues = request.Values,
                };
                await context.Retrier.ExecuteAsync(ct => client.DeleteItemAsync(delete, ct), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var update = new UpdateItemRequest
                {
                    TableName = _tableName,
                    Key = key,
                    UpdateExpression = request.UpdateExpression,
                    ConditionExpression = request.Condition,
                    ExpressionAttributeNames = request.Names,
                    ExpressionAttributeValues = request.Values,
                };
                var token = request.WithWriteToken ? Convert.ToBase64String(Guid.NewGuid().ToByteArray()) : null;
                if (token is not null)
                {
                    update.ExpressionAttributeValues = new Dictionary<string, AttributeValue>(request.Values!) { [WriteTokenValue] = new() { S = token } };
                    update.ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
                }

                try
                {
                    await context.Retrier.ExecuteAsync(ct => client.UpdateItemAsync(update, ct), cancellationToken).ConfigureAwait(false);
                }
                catch (ConditionalCheckFailedException failure)
                    when (token is not null && failure.Item?.GetValueOrDefault(WriteTokenAttribute)?.S == token)
                {
                    // Applied by an earlier attempt whose answer was lost.
                }
            }

            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private DbUpdateException WriteFailed(Exception exception, int changed)
        => new(
            DynamoDbStrings.BulkWriteFailed(
                _write.IsDelete ? "ExecuteDeleteAsync" : "ExecuteUpdateAsync",
                _write.Query.EntityType.DisplayName(),
                _write.IsDelete ? "DeleteItem" : "UpdateItem",
                changed,
                exception.Message),
            exception);

    private sealed record WriteTemplate(
        string? UpdateExpression,
        string Condition,
        Dictionary<string, string> Names,
        Dictionary<string, AttributeValue>? Values,
        bool WithWriteToken);
}
