namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// One <c>ToPageAsync</c> call's page size and continuation token, passed into the query as a parameter (so the
/// compiled query is reused across pages) and given back the next token when the page is read.
/// </summary>
public sealed class DynamoDbPageRequest(int pageSize, string? continuationToken)
{
    /// <summary>The most items the page holds.</summary>
    public int PageSize { get; } = pageSize;

    /// <summary>The token from the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; } = continuationToken;

    /// <summary>The token that continues after this page; null when the results are exhausted.</summary>
    public string? NextContinuationToken { get; set; }
}
