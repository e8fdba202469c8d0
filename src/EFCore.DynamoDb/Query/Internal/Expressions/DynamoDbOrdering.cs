using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>One OrderBy/ThenBy key of a query: a property and a direction.</summary>
public sealed record DynamoDbOrdering(IProperty Property, bool Ascending);
