using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// Stands in EF's materializer for the value of a complex collection, which EF leaves to the provider: the shaped
/// query compiler replaces it with a read of the list (L) of maps (M) the collection is stored as. Outside a query
/// (EF compiles the same materializer to create empty instances) it reduces to the collection's default value.
/// </summary>
public sealed class ComplexCollectionReadExpression(IComplexProperty complexProperty, Type type) : Expression
{
    /// <summary>The complex collection property.</summary>
    public IComplexProperty ComplexProperty { get; } = complexProperty;

    /// <inheritdoc />
    public override Type Type { get; } = type;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override bool CanReduce => true;

    /// <inheritdoc />
    public override Expression Reduce() => Default(Type);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;
}
