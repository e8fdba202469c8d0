using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// The elements of an owned collection, each shaped by <see cref="ElementShaper" /> from one map of the list (L) the
/// collection is stored as inside its owner's item. EF injects the element's materializer into the shaper; the
/// shaped query compiler turns this into a read of the list.
/// </summary>
public sealed class OwnedCollectionShaperExpression(INavigation navigation, Expression elementShaper) : Expression
{
    /// <summary>The owned collection navigation.</summary>
    public INavigation Navigation { get; } = navigation;

    /// <summary>The shaper of one element (a structural type shaper, possibly with owned navigations included).</summary>
    public Expression ElementShaper { get; } = elementShaper;

    /// <inheritdoc />
    public override Type Type => typeof(IEnumerable<>).MakeGenericType(Navigation.TargetEntityType.ClrType);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var elementShaper = visitor.Visit(ElementShaper);
        return elementShaper == ElementShaper ? this : new OwnedCollectionShaperExpression(Navigation, elementShaper);
    }
}
