using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.ClientEvaluation;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbPredicateTranslator
{
    // What DynamoDB cannot say, checked on each returned item instead, when this translator may, when EF would
    // evaluate it, and when it uses none of DynamoDB's own functions (which have no C# meaning). The reason the
    // client cannot check it replaces DynamoDB's: it names what EF itself refuses (an unmapped member, a method).
    private DynamoDbCondition? OnClient(Expression expression)
    {
        if (_clientPredicates is null || UsesDynamoDbFunction(expression))
        {
            return null;
        }

        var check = _clientPredicates.Compile(expression);
        FailureReason = check is null ? _clientPredicates.FailureReason : null;
        return check;
    }

    private static bool UsesDynamoDbFunction(Expression expression)
    {
        var found = false;
        new MethodFinder(method => found |= method.DeclaringType == typeof(DynamoDbDbFunctionsExtensions)).Visit(expression);
        return found;
    }

    private sealed class MethodFinder(Action<System.Reflection.MethodInfo> onMethod) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            onMethod(node.Method);
            return base.VisitMethodCall(node);
        }
    }

    // The property an expression reads, for the client check, with the reason when it reads something that is not one.
    private (IProperty? Property, string? FailureReason) ResolveProperty(Expression expression)
    {
        var outer = FailureReason;
        FailureReason = null;
        var property = TryGetProperty(expression, out var found) ? found : null;
        var reason = FailureReason;
        FailureReason = outer;
        return (property, reason);
    }
}
