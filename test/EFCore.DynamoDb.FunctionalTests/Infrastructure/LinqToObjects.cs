using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// Compiles a query predicate for LINQ-to-Objects: <c>EF.Property&lt;T&gt;(e, "Name")</c>, which only EF can run,
/// becomes the plain member access <c>e.Name</c>, and the DynamoDB functions that have a C# meaning become it:
/// <c>EF.Functions.BeginsWith</c> an ordinal StartsWith, <c>EF.Functions.Between</c> an inclusive range with
/// DynamoDB's ordering (ordinal for strings), <c>EF.Functions.Size</c> DynamoDB's size (UTF-8 bytes of a string,
/// elements of a collection). The attribute-existence functions have none: an object cannot tell a missing
/// attribute from a NULL-typed one.
/// </summary>
public static class LinqToObjects
{
    /// <summary>The predicate as a delegate over in-memory entities.</summary>
    public static Func<T, bool> Compile<T>(Expression<Func<T, bool>> predicate)
        => ((Expression<Func<T, bool>>)new EfPropertyRewriter().Visit(predicate)).Compile();

    /// <summary>DynamoDB's BETWEEN: inclusive, strings compared ordinally (by UTF-16 code units, as UTF-8 bytes for the BMP).</summary>
    public static bool Between<T>(T value, T low, T high)
    {
        if (value is null || low is null || high is null)
        {
            return false;
        }

        var compare = value is string ? (Func<T, T, int>)((a, b) => string.CompareOrdinal((string)(object)a!, (string)(object)b!)) : Comparer<T>.Default.Compare;
        return compare(value, low) >= 0 && compare(value, high) <= 0;
    }

    /// <summary>DynamoDB's size(): UTF-8 bytes of a string or binary length, element count of a collection.</summary>
    public static int Size<T>(T value)
        => value switch
        {
            null => throw new InvalidOperationException("A missing attribute has no size: the comparison is false in DynamoDB, which this method cannot express."),
            string text => Encoding.UTF8.GetByteCount(text),
            byte[] bytes => bytes.Length,
            ICollection collection => collection.Count,
            _ => throw new InvalidOperationException($"size() of a {value.GetType().Name} has no meaning."),
        };

    private sealed class EfPropertyRewriter : ExpressionVisitor
    {
        private static readonly MethodInfo BetweenMethod = typeof(LinqToObjects).GetMethod(nameof(Between))!;
        private static readonly MethodInfo SizeMethod = typeof(LinqToObjects).GetMethod(nameof(Size))!;
        private static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(EF)
                && node.Method.Name == nameof(EF.Property)
                && node.Arguments[1] is ConstantExpression { Value: string name })
            {
                return Expression.Convert(Expression.PropertyOrField(Visit(node.Arguments[0]), name), node.Type);
            }

            if (node.Method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions))
            {
                var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
                switch (node.Method.Name)
                {
                    case nameof(DynamoDbDbFunctionsExtensions.BeginsWith):
                        return Expression.AndAlso(
                            Expression.NotEqual(arguments[0]!, Expression.Constant(null, typeof(string))),
                            Expression.Call(arguments[0], StartsWithMethod, arguments[1]!, Expression.Constant(StringComparison.Ordinal)));
                    case nameof(DynamoDbDbFunctionsExtensions.Between):
                        return Expression.Call(BetweenMethod.MakeGenericMethod(node.Method.GetGenericArguments()), arguments!);
                    case nameof(DynamoDbDbFunctionsExtensions.Size):
                        return Expression.Call(SizeMethod.MakeGenericMethod(node.Method.GetGenericArguments()), arguments[0]!);
                }
            }

            return base.VisitMethodCall(node);
        }
    }
}
