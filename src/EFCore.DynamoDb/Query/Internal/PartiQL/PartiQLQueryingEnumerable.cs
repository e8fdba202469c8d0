using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Query.Internal.PartiQL;

/// <summary>
/// The result of a <c>FromPartiQL</c> query: ExecuteStatement pages, following NextToken until the LINQ result is
/// complete, each sent again through the execution strategy after a transient failure. A page of
/// <c>ToPageAsync</c> asks for no more items than it still needs, so it ends with the last item of a response and its
/// continuation token is that response's NextToken, bound to the statement. An error DynamoDB returns for the
/// statement is an <see cref="InvalidOperationException" /> that names it (and its values with sensitive data
/// logging).
/// </summary>
public sealed class PartiQLQueryingEnumerable<T>(
    DynamoDbQueryContext queryContext,
    CompiledDynamoDbQuery<T> compiledQuery,
    PartiQLRequestFactory requests)
    : DynamoDbQueryingEnumerable<T>(queryContext, compiledQuery)
{
    private string? _startToken;
    private string? _nextToken;

    /// <inheritdoc />
    protected override IEnumerable<AmazonWebServiceRequest> CreateFirstRequests(RowWindow window)
        => [requests.Create(QueryContext, Limit(window, 0), null)];

    /// <inheritdoc />
    protected override Dictionary<string, AttributeValue>? StartAfter(string continuationToken)
    {
        var prefix = TokenPrefix();
        _startToken = continuationToken.StartsWith(prefix, StringComparison.Ordinal) && continuationToken.Length > prefix.Length
            ? continuationToken[prefix.Length..]
            : throw new ArgumentException(DynamoDbStrings.PartiQLInvalidContinuationToken, nameof(continuationToken));
        return null;
    }

    /// <inheritdoc />
    protected override string? ContinuationTokenAfter(Dictionary<string, AttributeValue> item)
        => _nextToken is null ? null : TokenPrefix() + _nextToken;

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Dictionary<string, AttributeValue>> ReadItemsAsync(
        RowWindow window,
        Dictionary<string, AttributeValue>? startKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (window.ItemsNeeded == 0)
        {
            yield break;
        }

        var client = QueryContext.Client;
        var token = _startToken;
        var read = 0;
        do
        {
            var request = requests.Create(QueryContext, Limit(window, read), token);
            ExecuteStatementResponse response;
            try
            {
                response = await QueryContext.Retrier.ExecuteAsync(ct => client.ExecuteStatementAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonDynamoDBException exception)
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.PartiQLStatementFailed(RequestBuilder.Query.EntityType.DisplayName(), exception.Message, request.Statement, Values(request)),
                    exception);
            }

            token = response.NextToken;
            _nextToken = token;
            foreach (var item in response.Items ?? [])
            {
                read++;
                yield return item;
            }
        }
        while (token is not null);
    }

    // The values of a failed statement for its message: shown only with sensitive data logging, as in the log.
    private string Values(ExecuteStatementRequest request)
    {
        if (request.Parameters is not { Count: > 0 } parameters)
        {
            return "none";
        }

        if (!QueryContext.QueryLogger.ShouldLogSensitiveData())
        {
            return DynamoDbStrings.PartiQLValuesHidden(parameters.Count);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var parameter in parameters)
            {
                DynamoDbRequestJsonWriter.WriteAttributeValue(writer, parameter);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // DynamoDB's Limit counts the items it evaluates. A page asks for no more than it still needs, so that it ends
    // with the last item of a response; other queries ask for the window when every item read counts, unless the
    // statement orders its items (DynamoDB Local limits the items before it orders them).
    private int? Limit(RowWindow window, int read)
        => window.ItemsNeeded is not { } needed
            ? null
            : RequestBuilder.Query.PageRequestParameterName is not null
                ? Math.Max(1, needed - read)
                : RequestBuilder.LimitIsExact && !requests.Statement.HasOrderBy ? Math.Max(1, needed - read) : null;

    // A token continues this statement only: it starts with a short hash of the statement's text.
    private string TokenPrefix()
        => "pq1." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requests.Statement.Text)).AsSpan(0, 6)) + ".";
}
