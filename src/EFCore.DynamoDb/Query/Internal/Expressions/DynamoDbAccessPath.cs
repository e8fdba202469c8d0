namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The DynamoDB read operation a query runs as.</summary>
public enum DynamoDbAccessPath
{
    /// <summary>Not chosen yet: the query is still being translated.</summary>
    Undecided,

    /// <summary>GetItem: the whole primary key is known.</summary>
    GetItem,

    /// <summary>BatchGetItem: a set of whole primary keys is known.</summary>
    BatchGetItem,

    /// <summary>Query: the partition key is known, the sort key optionally constrained.</summary>
    Query,

    /// <summary>Scan: no partition key is known, every item is read.</summary>
    Scan,

    /// <summary>ExecuteStatement: the PartiQL statement of <c>FromPartiQL</c>.</summary>
    ExecuteStatement,
}
