using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Query.Internal.Lookups;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// The query expression of a query part of which runs on the client: the DynamoDB reads it is built on (each a
/// translated query of its own, with its own shaper, requests and access path) and the LINQ-to-Objects operators
/// (GroupBy, set operations, operators after Skip/Take…) applied to their shaped results, as one expression over
/// one parameter per read. Once a query has such an operator, every later operator joins the client part. A read may
/// be a lookup (<see cref="Lookups" />): it asks only for the keys the reads before it returned (a join, a navigation).
/// </summary>
public sealed class ClientOperatorsExpression : Expression, IPrintableExpression
{
    /// <summary>Creates the client part over its reads.</summary>
    public ClientOperatorsExpression(
        IReadOnlyList<ShapedQueryExpression> sources,
        IReadOnlyList<ParameterExpression> sourceParameters,
        Expression body,
        IReadOnlyList<string> operators,
        IReadOnlyList<ClientLookup>? lookups = null)
    {
        Sources = sources;
        SourceParameters = sourceParameters;
        Body = body;
        Operators = operators;
        Lookups = lookups ?? [];
    }

    /// <summary>The DynamoDB reads, each a shaped query over a <see cref="DynamoDbQueryExpression" />.</summary>
    public IReadOnlyList<ShapedQueryExpression> Sources { get; }

    /// <summary>For each read, the <c>IEnumerable&lt;T&gt;</c> of its shaped results that <see cref="Body" /> reads.</summary>
    public IReadOnlyList<ParameterExpression> SourceParameters { get; }

    /// <summary>The operators over the reads' results: an <c>IEnumerable&lt;T&gt;</c> of the query's results.</summary>
    public Expression Body { get; }

    /// <summary>The names of the operators run on the client, in order, for the warning and ToQueryString.</summary>
    public IReadOnlyList<string> Operators { get; }

    /// <summary>The reads that look up the keys of the reads before them, in <see cref="Sources" />' order.</summary>
    public IReadOnlyList<ClientLookup> Lookups { get; }

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <summary>The same reads with another body after one more operator.</summary>
    public ClientOperatorsExpression WithBody(Expression body, string @operator) => new(Sources, SourceParameters, body, [.. Operators, @operator], Lookups);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        // The reads go through EF's post-processing like any query; the body is LINQ-to-Objects, compiled as it is.
        var sources = Sources.Select(s => (ShapedQueryExpression)visitor.Visit(s)).ToList();
        return sources.SequenceEqual(Sources) ? this : new ClientOperatorsExpression(sources, SourceParameters, Body, Operators, Lookups);
    }

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("CLIENT " + string.Join(", ", Operators) + " OVER (");
        for (var i = 0; i < Sources.Count; i++)
        {
            if (i > 0)
            {
                expressionPrinter.Append("; ");
            }

            if (Lookups.Any(l => l.Source == SourceParameters[i]))
            {
                expressionPrinter.Append("LOOKUP ");
            }

            expressionPrinter.Visit(Sources[i].QueryExpression);
        }

        expressionPrinter.Append(")");
    }
}
