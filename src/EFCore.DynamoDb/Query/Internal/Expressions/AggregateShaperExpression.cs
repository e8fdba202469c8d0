using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// The shaper of a query reduced to one value (Count, Any, Sum…): the reduction and the shaper of the values it
/// reduces. Its type is the result's, as EF expects of a shaper.
/// </summary>
public sealed class AggregateShaperExpression(Expression sourceShaper, DynamoDbAggregate aggregate, Type resultType) : Expression, IPrintableExpression
{
    /// <summary>The shaper of the reduced values.</summary>
    public Expression SourceShaper { get; } = sourceShaper;

    /// <summary>The reduction.</summary>
    public DynamoDbAggregate Aggregate { get; } = aggregate;

    /// <inheritdoc />
    public override Type Type { get; } = resultType;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var sourceShaper = visitor.Visit(SourceShaper);
        return sourceShaper == SourceShaper ? this : new AggregateShaperExpression(sourceShaper, Aggregate, Type);
    }

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Aggregate + "(");
        expressionPrinter.Visit(SourceShaper);
        expressionPrinter.Append(")");
    }
}
