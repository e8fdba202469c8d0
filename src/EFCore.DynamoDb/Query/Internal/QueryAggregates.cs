using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The reductions behind Count, Any, All, Min, Max, Sum and Average. Counting asks DynamoDB to count where it can;
/// the value reductions stream the query's projected values and apply LINQ's own operator, so empty sequences,
/// nulls and overflow behave as in LINQ to Objects.
/// </summary>
public static class QueryAggregates
{
    /// <summary>The reduction delegate for an aggregate over <paramref name="sourceType" /> values.</summary>
    public static Delegate Create(DynamoDbAggregate aggregate, Type sourceType, Type resultType)
    {
        var method = aggregate switch
        {
            DynamoDbAggregate.Count => typeof(QueryAggregates).GetMethod(nameof(CountAsync))!,
            DynamoDbAggregate.LongCount => typeof(QueryAggregates).GetMethod(nameof(LongCountAsync))!,
            DynamoDbAggregate.Any => typeof(QueryAggregates).GetMethod(nameof(AnyAsync))!,
            DynamoDbAggregate.All => typeof(QueryAggregates).GetMethod(nameof(NoneAsync))!,
            _ => null,
        };
        if (method is not null)
        {
            return method.MakeGenericMethod(sourceType)
                .CreateDelegate(typeof(Func<,,>).MakeGenericType(
                    typeof(DynamoDbQueryingEnumerable<>).MakeGenericType(sourceType), typeof(CancellationToken), typeof(Task<>).MakeGenericType(resultType)));
        }

        var values = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(sourceType), "values");
        var reduce = Expression.Lambda(Expression.Call(FindLinqReduction(aggregate, sourceType, resultType), values), values).Compile();
        var reduceAsync = typeof(QueryAggregates).GetMethod(nameof(ReduceAsync))!.MakeGenericMethod(sourceType, resultType);
        var source = Expression.Parameter(typeof(DynamoDbQueryingEnumerable<>).MakeGenericType(sourceType), "source");
        var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        return Expression.Lambda(Expression.Call(reduceAsync, source, Expression.Constant(reduce), cancellationToken), source, cancellationToken).Compile();
    }

    /// <summary>Count.</summary>
    public static async Task<int> CountAsync<T>(DynamoDbQueryingEnumerable<T> source, CancellationToken cancellationToken)
        => checked((int)await source.CountAsync(long.MaxValue, cancellationToken).ConfigureAwait(false));

    /// <summary>LongCount.</summary>
    public static Task<long> LongCountAsync<T>(DynamoDbQueryingEnumerable<T> source, CancellationToken cancellationToken)
        => source.CountAsync(long.MaxValue, cancellationToken);

    /// <summary>Any: stops at the first matching item.</summary>
    public static async Task<bool> AnyAsync<T>(DynamoDbQueryingEnumerable<T> source, CancellationToken cancellationToken)
        => await source.CountAsync(1, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>All(p), translated as "no item matches !p".</summary>
    public static async Task<bool> NoneAsync<T>(DynamoDbQueryingEnumerable<T> source, CancellationToken cancellationToken)
        => await source.CountAsync(1, cancellationToken).ConfigureAwait(false) == 0;

    /// <summary>Reads every value, then applies the LINQ reduction.</summary>
    public static async Task<TResult> ReduceAsync<TSource, TResult>(
        DynamoDbQueryingEnumerable<TSource> source,
        Func<IEnumerable<TSource>, TResult> reduce,
        CancellationToken cancellationToken)
    {
        var values = new List<TSource>();
        await foreach (var value in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            values.Add(value);
        }

        return reduce(values);
    }

    private static MethodInfo FindLinqReduction(DynamoDbAggregate aggregate, Type sourceType, Type resultType)
    {
        var name = aggregate.ToString();
        var candidates = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.GetParameters().Length == 1)
            .ToList();
        var exact = candidates.FirstOrDefault(m => !m.IsGenericMethodDefinition
            && m.GetParameters()[0].ParameterType == typeof(IEnumerable<>).MakeGenericType(sourceType)
            && m.ReturnType == resultType);
        return exact
            ?? candidates.Single(m => m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1 && m.ReturnType.IsGenericParameter)
                .MakeGenericMethod(sourceType);
    }
}
