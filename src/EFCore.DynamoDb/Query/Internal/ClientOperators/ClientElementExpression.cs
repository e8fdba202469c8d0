using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.ClientOperators;

/// <summary>
/// The shaper of a query whose last operators run on the client: it stands for one result of type
/// <see cref="Expression.Type" />, which the client operators compute; there is nothing to shape after them.
/// </summary>
public sealed class ClientElementExpression(Type type) : Expression, IPrintableExpression
{
    /// <inheritdoc />
    public override Type Type { get; } = type;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public void Print(ExpressionPrinter expressionPrinter) => expressionPrinter.Append("ClientElement<" + Type.Name + ">");
}
