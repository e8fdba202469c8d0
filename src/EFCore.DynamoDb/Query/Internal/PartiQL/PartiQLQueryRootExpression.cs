using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal.PartiQL;

/// <summary>
/// The root of a query that starts with <c>FromPartiQL</c>/<c>FromPartiQLRaw</c>, as Cosmos' FromSqlQueryRootExpression
/// is for its <c>FromSql</c>: the entity type, the statement as written (values as <c>{0}</c>, <c>{1}</c>…
/// placeholders) and the values, an expression EF turns into a query parameter so the compiled query is reused with
/// other values.
/// </summary>
public sealed class PartiQLQueryRootExpression : EntityQueryRootExpression
{
    /// <summary>Creates the root of a query on a DbSet.</summary>
    public PartiQLQueryRootExpression(IAsyncQueryProvider queryProvider, IEntityType entityType, string statementFormat, Expression arguments)
        : base(queryProvider, entityType)
    {
        StatementFormat = statementFormat;
        Arguments = arguments;
    }

    /// <summary>Creates the root without a query provider (inside the query pipeline).</summary>
    public PartiQLQueryRootExpression(IEntityType entityType, string statementFormat, Expression arguments)
        : base(entityType)
    {
        StatementFormat = statementFormat;
        Arguments = arguments;
    }

    /// <summary>The statement with <c>{0}</c>, <c>{1}</c>… where the values go.</summary>
    public string StatementFormat { get; }

    /// <summary>The values, an <c>object?[]</c>: a constant, or the query parameter EF made of it.</summary>
    public Expression Arguments { get; }

    /// <inheritdoc />
    public override Expression DetachQueryProvider() => new PartiQLQueryRootExpression(EntityType, StatementFormat, Arguments);

    /// <inheritdoc />
    public override EntityQueryRootExpression UpdateEntityType(IEntityType entityType)
        => new PartiQLQueryRootExpression(entityType, StatementFormat, Arguments);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var arguments = visitor.Visit(Arguments);
        return arguments == Arguments
            ? this
            : QueryProvider is null
                ? new PartiQLQueryRootExpression(EntityType, StatementFormat, arguments)
                : new PartiQLQueryRootExpression(QueryProvider, EntityType, StatementFormat, arguments);
    }

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append($"FromPartiQL({EntityType.DisplayName()}, \"{StatementFormat}\", ");
        expressionPrinter.Visit(Arguments);
        expressionPrinter.Append(")");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is PartiQLQueryRootExpression other
            && base.Equals(other)
            && StatementFormat == other.StatementFormat
            && ExpressionEqualityComparer.Instance.Equals(Arguments, other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), StatementFormat, ExpressionEqualityComparer.Instance.GetHashCode(Arguments));
}
