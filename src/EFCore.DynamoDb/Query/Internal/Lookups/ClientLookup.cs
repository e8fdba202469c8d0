using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// A lookup stage of a query whose reads are combined on the client: the read of <see cref="Source" /> (the inner side
/// of a join or a navigation) asks DynamoDB only for the items whose join key is one of the keys the reads before it
/// returned. <see cref="Keys" /> computes those keys (distinct, nulls left out, as a <c>List&lt;object&gt;</c>) from the
/// earlier reads' results, and the read finds them in the query parameter <see cref="ParameterName" />, the operand of
/// the <c>IN</c> condition the translation put on its join key (a BatchGetItem on a primary key).
/// </summary>
/// <param name="Source">The parameter standing for the looked-up read's results in the client operators' body.</param>
/// <param name="ParameterName">The query parameter that holds the keys of this execution.</param>
/// <param name="Keys">The keys, over the parameters of the reads before it.</param>
/// <param name="Description">What is looked up ("'Customer' by 'CustomerID'…"), for ToQueryString and the scan warning.</param>
/// <param name="ItemCollectionOf">
/// The earlier read whose rows' partition key values are the keys, when the looked-up items are keyed by the same
/// partition key (an item collection: principal and dependents under one partition key value, the single-table
/// design); when both read the same table and that read is one partition's, one Query returns both.
/// </param>
public sealed record ClientLookup(
    ParameterExpression Source,
    string ParameterName,
    Expression Keys,
    string Description,
    ParameterExpression? ItemCollectionOf = null);
