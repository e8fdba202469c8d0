using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Lookups;

/// <summary>
/// A subquery over another entity set correlated with the outer row by one key equality, as EF writes a collection
/// navigation (<c>c.Orders</c> is <c>DbSet&lt;Order&gt;().Where(o => c.CustomerID == o.CustomerID)</c>) or as an
/// application writes one: the rows it stands for are looked up by key instead of read per row.
/// </summary>
/// <param name="Expression">The whole subquery as it appears in the lambda (its operators after the correlation included).</param>
/// <param name="Correlation">
/// The <c>Where</c> that correlates, or the last of the <c>Where</c>s right after it that read only the inner row
/// (their predicates are in <paramref name="Rest" />): replaced by the outer row's looked-up rows.
/// </param>
/// <param name="Inner">The uncorrelated query below the correlation (<c>DbSet&lt;Order&gt;()</c>, with its filters).</param>
/// <param name="InnerKey">The inner rows' key (<c>o => o.CustomerID</c>).</param>
/// <param name="OuterKey">The outer row's key, over the outer lambda's parameter (<c>c.CustomerID</c>), of the same type.</param>
/// <param name="Rest">What else the correlation's predicate and the <c>Where</c>s after it say about the inner row, or null.</param>
public sealed record CorrelatedSubquery(
    Expression Expression,
    MethodCallExpression Correlation,
    Expression Inner,
    LambdaExpression InnerKey,
    Expression OuterKey,
    LambdaExpression? Rest);
