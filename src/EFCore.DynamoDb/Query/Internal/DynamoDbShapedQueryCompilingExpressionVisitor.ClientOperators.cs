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

        var sources = client.Sources.Select(source =>
        {
            var read = VisitShapedQuery(source);
            var rowType = source.ShaperExpression.Type;
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

        return Expression.New(
            typeof(ClientOperatorsQueryingEnumerable<>).MakeGenericType(resultType).GetConstructors()[0],
            QueryCompilationContext.QueryContextParameter,
            Expression.NewArrayInit(typeof(IClientOperatorSource), sources),
            Expression.Constant(operatorsDelegate),
            Expression.Constant(string.Join(", ", client.Operators)),
            Expression.Constant(CompileLookups(client, OverResults, results)));
    }

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
