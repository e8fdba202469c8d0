using System.Linq.Expressions;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Query.Internal.ClientOperators;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbShapedQueryCompilingExpressionVisitor
{
    // Each DynamoDB read compiles as a query of its own; the operators over their results compile once, here, into
    // one delegate that reads each execution's parameter values from its query context.
    private Expression CompileClientOperators(ClientOperatorsExpression client, Type resultType)
    {
        var entityTypes = string.Join(", ", client.Sources
            .Select(s => "'" + ((DynamoDbQueryExpression)s.QueryExpression).EntityType.DisplayName() + "'")
            .Distinct());
        var operators = string.Join(", ", client.Operators.Select(o => "'" + o + "'"));
        QueryCompilationContext.Logger.ClientOperatorsWarning(entityTypes, operators);

        var (itemCollections, partitionReads) = ItemCollections(client);
        var sources = client.Sources.Select((source, i) =>
        {
            var read = VisitShapedQuery(source);
            var rowType = source.ShaperExpression.Type;
            if (itemCollections.TryGetValue(i, out var itemCollection))
            {
                var query = (DynamoDbQueryExpression)source.QueryExpression;
                read = Expression.New(
                    typeof(ItemCollectionQueryingEnumerable<>).MakeGenericType(rowType).GetConstructors()[0],
                    Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext)),
                    ((NewExpression)read).Arguments[1],
                    itemCollection.Partition,
                    Expression.Constant(
                        DynamoDbCondition.And(DynamoDbCondition.Conjuncts(query.Predicate!).Where(c => !ClientEvaluation.ClientPredicateCondition.IsIn(c))),
                        typeof(DynamoDbCondition)),
                    Expression.Constant(itemCollection.SendsTheQuery));
            }

            return (Expression)Expression.New(
                typeof(ClientOperatorSource<>).MakeGenericType(rowType).GetConstructors()[0],
                Expression.Convert(read, typeof(DynamoDbQueryingEnumerable<>).MakeGenericType(rowType)));
        });

        var results = Expression.Parameter(typeof(object[]), "results");
        Expression OverResults(Expression expression)
        {
            for (var i = 0; i < client.SourceParameters.Count; i++)
            {
                var parameter = client.SourceParameters[i];
                expression = ReplacingExpressionVisitor.Replace(
                    parameter,
                    Expression.Convert(Expression.ArrayIndex(results, Expression.Constant(i)), parameter.Type),
                    expression);
            }

            return new QueryParameterInliningExpressionVisitor().Visit(expression);
        }

        var body = OverResults(client.Body);
        var sequenceType = typeof(IEnumerable<>).MakeGenericType(resultType);
        var operatorsDelegate = Expression.Lambda(
                typeof(Func<,,>).MakeGenericType(typeof(QueryContext), typeof(object[]), sequenceType),
                body.Type == sequenceType ? body : Expression.Convert(body, sequenceType),
                QueryCompilationContext.QueryContextParameter,
                results)
            .Compile();

        return Expression.Block(
            partitionReads.Select(p => p.Variable),
            [
                .. partitionReads.Select(p => Expression.Assign(p.Variable, p.Value)),
                Expression.New(
                    typeof(ClientOperatorsQueryingEnumerable<>).MakeGenericType(resultType).GetConstructors()[0],
                    QueryCompilationContext.QueryContextParameter,
                    Expression.NewArrayInit(typeof(IClientOperatorSource), sources),
                    Expression.Constant(operatorsDelegate),
                    Expression.Constant(string.Join(", ", client.Operators)),
                    Expression.Constant(CompileLookups(client, OverResults, results))),
            ]);
    }

    // Item collections (single-table design): a lookup whose items share the partition key values of the read before
    // it, in the same table, when that read is one partition's (a Query or GetItem by partition key): that partition's
    // one Query, sent once per execution, returns both, and each read takes its own items from it. Otherwise the
    // lookup reads as it was chosen (a Query per key).
    private (Dictionary<int, (ParameterExpression Partition, bool SendsTheQuery)> Reads, List<(ParameterExpression Variable, Expression Value)> Partitions)
        ItemCollections(ClientOperatorsExpression client)
    {
        var reads = new Dictionary<int, (ParameterExpression Partition, bool SendsTheQuery)>();
        var partitions = new List<(ParameterExpression Variable, Expression Value)>();
        for (var i = 0; i < client.Sources.Count; i++)
        {
            if (client.Lookups.FirstOrDefault(l => l.Source == client.SourceParameters[i]) is not { ItemCollectionOf: { } owner }
                || client.SourceParameters.ToList().IndexOf(owner) is not (>= 0 and var ownerIndex)
                || (reads.TryGetValue(ownerIndex, out var ownerRead) && !ownerRead.SendsTheQuery)
                || client.Sources[ownerIndex].QueryExpression is not DynamoDbQueryExpression principal
                || client.Sources[i].QueryExpression is not DynamoDbQueryExpression dependents
                || !OnePartitionOfTheSameTable(principal, dependents))
            {
                continue;
            }

            if (!reads.TryGetValue(ownerIndex, out var shared))
            {
                var partition = new DynamoDbQueryExpression(principal.EntityType) { ConsistentRead = principal.ConsistentRead };
                partition.SetAccessPath(DynamoDbAccessPath.Query, null, principal.PartitionKeyCondition, null, null, null);
                partition.SetOrderingStrategy(principal.ScanIndexForward, ordersOnClient: false);
                var variable = Expression.Variable(typeof(ItemCollectionRead), "partition" + partitions.Count);
                partitions.Add((variable, Expression.New(
                    typeof(ItemCollectionRead).GetConstructors()[0],
                    Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext)),
                    Expression.Constant(new DynamoDbReadRequestBuilder(partition, options.ResolveTableName(principal.EntityType))))));
                shared = (variable, true);
                reads[ownerIndex] = shared;
            }

            reads[i] = (shared.Partition, false);
        }

        return (reads, partitions);
    }

    private bool OnePartitionOfTheSameTable(DynamoDbQueryExpression principal, DynamoDbQueryExpression dependents)
        => principal is
            {
                AccessPath: DynamoDbAccessPath.GetItem or DynamoDbAccessPath.Query,
                Index: null,
                PartitionKeyCondition: not null,
                PartitionKeyValues: null,
                KeyEqualities.Count: 0,
                TransactionalRead: false,
                PartiQL: null,
                MatchesNothing: false,
                PageRequestParameterName: null,
            }
            && dependents is { TransactionalRead: false, PartiQL: null, RequiredIndexName: null, MatchesNothing: false, HasRowLimits: false }
            && options.ResolveTableName(principal.EntityType) == options.ResolveTableName(dependents.EntityType)
            && principal.EntityType.GetPartitionKeyProperty()!.GetAttributeName() == dependents.EntityType.GetPartitionKeyProperty()!.GetAttributeName();

    // Each lookup read's keys, computed from the results of the reads before it, compiled once like the operators.
    private LookupStage?[] CompileLookups(ClientOperatorsExpression client, Func<Expression, Expression> overResults, ParameterExpression results)
        => client.SourceParameters
            .Select((parameter, i) => client.Lookups.FirstOrDefault(l => l.Source == parameter) is { } lookup
                ? new LookupStage(
                    lookup.ParameterName,
                    Expression.Lambda<Func<QueryContext, object[], List<object>>>(
                        overResults(lookup.Keys), QueryCompilationContext.QueryContextParameter, results).Compile(),
                    // The keys are known only when the query runs; the operation that reads them is known now.
                    lookup.Description + ", with " + ((DynamoDbQueryExpression)client.Sources[i].QueryExpression).AccessPath)
                : null)
            .ToArray();
}
