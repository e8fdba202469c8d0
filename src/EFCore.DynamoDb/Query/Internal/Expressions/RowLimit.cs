namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// One Skip or Take of a query, in the order the query applies them. Counts may be parameters, so the effective
/// offset and limit are folded when the query runs.
/// </summary>
public sealed record RowLimit(bool IsSkip, QueryValue Count);
