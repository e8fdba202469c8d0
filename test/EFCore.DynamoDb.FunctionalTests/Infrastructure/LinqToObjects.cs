using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Infrastructure;

/// <summary>
/// Compiles a query predicate for LINQ-to-Objects: <c>EF.Property&lt;T&gt;(e, "Name")</c>, which only EF can run,
/// becomes the plain member access <c>e.Name</c>.
/// </summary>
public static class LinqToObjects
{
    /// <summary>The predicate as a delegate over in-memory entities.</summary>
    public static Func<T, bool> Compile<T>(Expression<Func<T, bool>> predicate)
        => ((Expression<Func<T, bool>>)new EfPropertyRewriter().Visit(predicate)).Compile();

    private sealed class EfPropertyRewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
            => node.Method.DeclaringType == typeof(EF)
               && node.Method.Name == nameof(EF.Property)
               && node.Arguments[1] is ConstantExpression { Value: string name }
                ? Expression.Convert(Expression.PropertyOrField(Visit(node.Arguments[0]), name), node.Type)
                : base.VisitMethodCall(node);
    }
}
