using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Query.Internal.PartiQL;
using EFCore.DynamoDb.Query.Internal.TransactionalRead;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Compiles a translated query into its executable form: EF's entity materializer (or the projection), rewired
/// to read typed values straight from the item's <see cref="AttributeValue" /> dictionary, compiled once per
/// query shape; the client-side ordering, if any; and the querying enumerable of the chosen access path (wrapped
/// in a reduction for Count, Any, Sum…), which builds requests from each execution's parameters.
/// </summary>
public partial class DynamoDbShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoDbSingletonOptions options)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    private static readonly MethodInfo ExecuteMethod = typeof(DynamoDbBulkWriteExecutor).GetMethod(nameof(DynamoDbBulkWriteExecutor.Execute))!;

    private static readonly MethodInfo ExecuteAsyncMethod = typeof(DynamoDbBulkWriteExecutor).GetMethod(nameof(DynamoDbBulkWriteExecutor.ExecuteAsync))!;

    /// <inheritdoc />
    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        if (shapedQueryExpression.QueryExpression is ClientOperatorsExpression client)
        {
            if (QueryCompilationContext is DynamoDbQueryCompilationContext { PageRequestParameterName: not null })
            {
                throw new InvalidOperationException(DynamoDbStrings.PageAfterClientOperators(string.Join(", ", client.Operators.Select(o => "'" + o + "'"))));
            }

            return CompileClientOperators(client, shapedQueryExpression.ShaperExpression.Type);
        }

        var query = (DynamoDbQueryExpression)shapedQueryExpression.QueryExpression;
        ValidatePaging(query);

        var aggregate = shapedQueryExpression.ShaperExpression as AggregateShaperExpression;
        var itemParameter = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var shaped = aggregate is null ? shapedQueryExpression.ShaperExpression : AggregatedValues(aggregate, query);
        var shaperBody = InjectStructuralTypeMaterializers(shaped);
        shaperBody = new ItemReadingExpressionVisitor(
            itemParameter,
            query,
            Dependencies.EntityMaterializerSource,
            QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll).Visit(shaperBody);
        var shaperLambda = Expression.Lambda(shaperBody, QueryCompilationContext.QueryContextParameter, itemParameter);
        var elementType = shaperLambda.ReturnType;

        var compiledQueryType = typeof(CompiledDynamoDbQuery<>).MakeGenericType(elementType);
        var requestBuilder = new DynamoDbReadRequestBuilder(query, options.ResolveTableName(query.EntityType), readsNoValues: shaped is ConstantExpression);
        var compiledQuery = Activator.CreateInstance(
            compiledQueryType,
            requestBuilder,
            shaperLambda.Compile(),
            requestBuilder.MayOrderOnClient ? new ItemSorter(query.Orderings) : null,
            QueryCompilationContext.ContextType,
            QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution,
            Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled)!;

        var enumerableType = (query.AccessPath switch
            {
                _ when query.TransactionalRead => typeof(TransactGetQueryingEnumerable<>),
                DynamoDbAccessPath.GetItem => typeof(ItemQueryingEnumerable<>),
                DynamoDbAccessPath.BatchGetItem => typeof(BatchGetQueryingEnumerable<>),
                DynamoDbAccessPath.Query when query.PartitionKeyValues is not null => typeof(PartitionKeyQueriesQueryingEnumerable<>),
                _ => typeof(PagingQueryingEnumerable<>),
            })
            .MakeGenericType(elementType);
        Expression enumerable = query.PartiQL is { } partiQL
            ? Expression.New(
                typeof(PartiQLQueryingEnumerable<>).MakeGenericType(elementType).GetConstructors()[0],
                Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext)),
                Expression.Constant(compiledQuery, compiledQueryType),
                Expression.Constant(new PartiQLRequestFactory(
                    PartiQLStatement.Parse(partiQL.Format, partiQL.Arguments, query.EntityType, requestBuilder.TableName),
                    Dependencies.TypeMappingSource,
                    query.ConsistentRead)))
            : Expression.New(
                enumerableType.GetConstructors()[0],
                Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext)),
                Expression.Constant(compiledQuery, compiledQueryType));

        if (aggregate is not null)
        {
            enumerable = Expression.New(
                typeof(AggregatingQueryingEnumerable<,>).MakeGenericType(elementType, aggregate.Type).GetConstructors()[0],
                enumerable,
                Expression.Constant(QueryAggregates.Create(aggregate.Aggregate, elementType, aggregate.Type)));
        }

        return enumerable;
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression extensionExpression)
        => extensionExpression is DynamoDbBulkWriteExpression bulkWrite
            ? CompileBulkWrite(bulkWrite)
            : base.VisitExtension(extensionExpression);

    // ExecuteUpdate/ExecuteDelete: the executor, with the compiled read of the matching keys unless the write is by
    // whole key, called with each execution's query context (returning Task<int> for the async forms).
    private Expression CompileBulkWrite(DynamoDbBulkWriteExpression bulkWrite)
    {
        var query = bulkWrite.Query;
        var keyQuery = bulkWrite.IsByKey ? null : CompileKeyQuery(new DynamoDbReadRequestBuilder(query, options.ResolveTableName(query.EntityType)));
        var executor = new DynamoDbBulkWriteExecutor(
            bulkWrite,
            options.ResolveTableName(query.EntityType),
            keyQuery,
            options.MaxConcurrentWrites,
            Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled);
        return Expression.Call(
            Expression.Constant(executor),
            QueryCompilationContext.IsAsync ? ExecuteAsyncMethod : ExecuteMethod,
            QueryCompilationContext.QueryContextParameter);
    }

    private CompiledDynamoDbQuery<Dictionary<string, AttributeValue>> CompileKeyQuery(DynamoDbReadRequestBuilder requestBuilder)
        => new(
            requestBuilder,
            static (_, item) => item,
            requestBuilder.MayOrderOnClient ? new ItemSorter(requestBuilder.Query.Orderings) : null,
            QueryCompilationContext.ContextType,
            StandAloneStateManager: false,
            // The executor guards the whole operation, reads and writes.
            ThreadSafetyChecksEnabled: false);

    // Counting needs no values, and must not materialize (or start tracking) entities: only Distinct counts shaped
    // values (the distinct ones).
    private static Expression AggregatedValues(AggregateShaperExpression aggregate, DynamoDbQueryExpression query)
        => aggregate.Aggregate is DynamoDbAggregate.Count or DynamoDbAggregate.LongCount or DynamoDbAggregate.Any or DynamoDbAggregate.All
            && !query.IsDistinct
                ? Expression.Constant(true)
                : aggregate.SourceShaper;

    private static void ValidatePaging(DynamoDbQueryExpression query)
    {
        if (query.PageRequestParameterName is null)
        {
            return;
        }

        if (query.OrdersOnClient)
        {
            throw new InvalidOperationException(DynamoDbStrings.PageNeedsDynamoDbOrder);
        }

        if (query.AccessPath == DynamoDbAccessPath.BatchGetItem || query.TransactionalRead)
        {
            // BatchGetItem returns its items in no particular order, so no page can say where the next one starts.
            throw new InvalidOperationException(DynamoDbStrings.PageNotSupportedWith("a set of keys ('Contains' on the key), which reads with BatchGetItem"));
        }

        if (query.ParallelScanSegments is not null)
        {
            throw new InvalidOperationException(DynamoDbStrings.PageNotSupportedWith("WithParallelScan"));
        }

        if (query.HasRowLimits || query.IsDistinct)
        {
            throw new InvalidOperationException(DynamoDbStrings.PageNotSupportedWith("Skip, Take or Distinct"));
        }
    }
}
