using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.PartiQL;
using Microsoft.EntityFrameworkCore.Query;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// PartiQL on a <see cref="DbSet{TEntity}" /> for what LINQ cannot say: the statement runs with ExecuteStatement, its
/// values sent as parameters (never spliced into the text), its pages followed with NextToken, and its items
/// materialized as the entity type, tracked unless <c>AsNoTracking</c>. Named apart from EF's relational
/// <c>FromSql</c>, so that an application that also references the relational package never makes an ambiguous call.
/// </summary>
/// <remarks>
/// The statement reads whole items of the entity type's table: <c>SELECT * FROM "Orders" WHERE …</c> (or
/// <c>FROM "Orders"."ByStatus"</c> for an index), the table named as the model names it or with the options' prefix
/// and suffix. What composes after it: <c>AsNoTracking</c>/<c>AsTracking</c>, <c>Select</c>, <c>Take</c>,
/// <c>Skip</c>, <c>Distinct</c>, <c>First</c>/<c>Single</c> (and their OrDefault forms), <c>Any</c>, <c>Count</c>,
/// <c>ToPageAsync</c>, <c>AsAsyncEnumerable</c>, <c>WithConsistentRead</c> and <c>ExcludeExpiredItems</c>. A filter
/// (<c>Where</c>) or an order (<c>OrderBy</c>) belongs in the statement and is an error after it, as are
/// <c>WithIndex</c>, <c>WithParallelScan</c>, <c>WithTransactionalRead</c>, <c>ExecuteUpdate</c> and
/// <c>ExecuteDelete</c>.
/// </remarks>
public static class DynamoDbPartiQLExtensions
{
    /// <summary>
    /// Queries the entity type with a PartiQL statement whose interpolated values become ExecuteStatement parameters:
    /// <c>db.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {id}")</c>.
    /// </summary>
    public static IQueryable<TEntity> FromPartiQL<TEntity>(this DbSet<TEntity> source, [NotParameterized] FormattableString statement)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(statement);
        return FromPartiQLRaw(source, statement.Format, statement.GetArguments());
    }

    /// <summary>
    /// Queries the entity type with a PartiQL statement whose values are given apart and referenced as <c>{0}</c>,
    /// <c>{1}</c>… (<c>{{</c> and <c>}}</c> for literal braces): each becomes an ExecuteStatement parameter.
    /// </summary>
    public static IQueryable<TEntity> FromPartiQLRaw<TEntity>(this DbSet<TEntity> source, [NotParameterized] string statement, params object?[] parameters)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentNullException.ThrowIfNull(parameters);

        var queryable = (IQueryable)source;
        var root = (EntityQueryRootExpression)queryable.Expression;
        return queryable.Provider.CreateQuery<TEntity>(
            new PartiQLQueryRootExpression((IAsyncQueryProvider)queryable.Provider, root.EntityType, statement, Expression.Constant(parameters)));
    }
}
