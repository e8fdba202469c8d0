// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// One page of a query's results from <c>ToPageAsync</c>: up to the requested number of matching items, and the
/// opaque token that continues after them (null when the results are exhausted).
/// </summary>
/// <param name="Values">The page's items, in the query's order.</param>
/// <param name="ContinuationToken">Pass to the next <c>ToPageAsync</c> call to read on; null at the end.</param>
public sealed record DynamoDbPage<T>(IReadOnlyList<T> Values, string? ContinuationToken);
