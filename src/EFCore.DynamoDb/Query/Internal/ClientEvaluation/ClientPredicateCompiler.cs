using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientEvaluation;

/// <summary>
/// Compiles a predicate part DynamoDB cannot express into a check of the returned item, once per query shape:
/// each mapped property it reads becomes a typed read of its attribute (through the property's type mapping and
/// value converter, as the materializer reads it), each query parameter a read from the query context, each
/// <c>Queryable</c> operator over an in-memory collection its <c>Enumerable</c> twin, and member accesses and method
/// calls propagate null as EF's InMemory provider does (<c>e.Name.ToUpper() == "A"</c> is false, not an exception,
/// when Name is null). What EF itself would not evaluate fails with the reason: an unmapped member, or a method that
/// is not .NET's own (a user method runs only in a projection, as EF's other providers do).
/// </summary>
public sealed partial class ClientPredicateCompiler(
    IEntityType entityType,
    Func<Expression, (IProperty? Property, string? FailureReason)> resolveProperty,
    Func<Expression, string> print)
{
    private readonly Func<Expression, (IProperty? Property, string? FailureReason)> _resolveProperty = resolveProperty;
    private readonly Func<Expression, string> _print = print;

    /// <summary>The reason the last compilation failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>
    /// The check for <paramref name="predicate" /> (a boolean expression over the query's shaper), or null with
    /// <see cref="FailureReason" /> set.
    /// </summary>
    public ClientPredicateCondition? Compile(Expression predicate)
    {
        FailureReason = null;
        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var rewriter = new ItemReadingRewriter(this, item);
        Expression body;
        try
        {
            body = NullSafety.Restore(rewriter.Visit(predicate), typeof(bool));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // An operand whose type the null propagation changed where .NET allows no other type: not evaluated.
            FailureReason = DynamoDbStrings.PredicateNotSupported(_print(predicate));
            return null;
        }

        if (rewriter.FailureReason is { } reason)
        {
            FailureReason = reason;
            return null;
        }

        var check = Expression.Lambda<Func<QueryContext, Dictionary<string, AttributeValue>, bool>>(
            body,
            QueryCompilationContext.QueryContextParameter,
            item);
        // One line, so that a log line or a ToQueryString comment quotes it whole.
        var description = string.Join(" ", _print(predicate).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return new ClientPredicateCondition(description, rewriter.Properties, rewriter.ReadsWholeItem, check.Compile());
    }

    // A read of a mapped property from the item (or from the nested map of its complex or owned reference) as
    // `type`; null (with a reason) for a property that lives in a collection's elements, which have no fixed place.
    private Expression? Read(ParameterExpression item, IProperty property, Type type)
    {
        if (AttributePath.AnchorOf(property) is not IReadOnlyEntityType anchor || anchor.IsOwned())
        {
            return null;
        }

        var read = AttributePath.CreateReadExpression(item, property, property.ClrType);
        return read.Type == type ? read : Expression.Convert(read, type);
    }

    // .NET's own methods (string, Math, DateTime, Convert, Enumerable, the primitive types…) are evaluated; a method
    // of the application's is not, as in EF's other providers' predicates.
    private static bool IsEvaluable(Type? declaringType)
        => declaringType?.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal));

    private string EntityDisplayName => entityType.DisplayName();

    private IComplexProperty? FindComplexCollection(Expression expression) => DynamoDbPredicateTranslator.FindComplexCollection(entityType, expression);

    // The answer of `e is T` (or, exact, `e.GetType() == typeof(T)`) when it is the same for every item the query
    // reads (all of its types are T, or none is); null when it depends on the item's type.
    private bool? TypeTestAnswer(Type clrType, bool exact)
    {
        var matching = DynamoDbPredicateTranslator.MatchingTypes(entityType, clrType, exact).Count;
        return matching == 0 ? false : matching == entityType.GetConcreteDerivedTypesInclusive().Count() ? true : null;
    }
}
