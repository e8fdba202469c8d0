using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using EfExpressionExtensions = Microsoft.EntityFrameworkCore.Infrastructure.ExpressionExtensions;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbShapedQueryCompilingExpressionVisitor
{
    /// <summary>
    /// EF's materializer reads each property from a value buffer by index, and a projection reads bound
    /// attributes. This visitor replaces every such read with a typed read of the attribute from the item, or from
    /// the map of the collection element being read; the key EF gives an owned type reads as its owner's key (and
    /// the element's position). It leaves the (unused) value buffer empty, reads each complex or owned collection
    /// through a materializer of its element, turns included owned navigations into their assignment, and reads
    /// captured values of a client projection from the query context.
    /// </summary>
    private sealed class ItemReadingExpressionVisitor(
        ParameterExpression itemParameter,
        DynamoDbQueryExpression query,
        IStructuralTypeMaterializerSource materializerSource,
        bool tracking,
        ItemReadingExpressionVisitor.ElementScope? scope = null) : ExpressionVisitor
    {
        private static readonly ConstructorInfo MaterializationContextConstructor = typeof(MaterializationContext).GetConstructors().Single();

        private static readonly MethodInfo TryGetEntryMethod = typeof(QueryContext).GetMethod(nameof(QueryContext.TryGetEntry))!;

        // True while visiting the owned entities an Include reads with their owner.
        private bool _insideOwned;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod
                && node.Method.GetGenericMethodDefinition() == EfExpressionExtensions.ValueBufferTryReadValueMethod
                && node.Arguments[2] is ConstantExpression { Value: IProperty property })
            {
                return Read(property, node.Type);
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node)
            => node switch
            {
                ProjectionBindingExpression { Type: var type } when type == typeof(ValueBuffer) => Expression.Constant(ValueBuffer.Empty),
                ProjectionBindingExpression { Index: { } index } binding => Read(query.ProjectedProperties[index], binding.Type),
                QueryParameterExpression => new QueryParameterInliningExpressionVisitor().Visit(node),
                ComplexCollectionReadExpression collection => ReadComplexCollection(collection),
                OwnedCollectionShaperExpression collection => ReadOwnedCollection(collection),
                IncludeExpression include => Include(include),
                _ => base.VisitExtension(node),
            };

        private Expression Read(IProperty property, Type type)
        {
            if (property.DeclaringType is IEntityType { } ownedType && ownedType.FindOwnership() is { } ownership)
            {
                var index = ownership.Properties.ToList().IndexOf(property);
                if (index >= 0)
                {
                    var ownerKey = Read(ownership.PrincipalKey.Properties[index], type);
                    // An owned reference exists only where its map does: without it, its key reads as missing, so
                    // EF's materializer makes no instance.
                    return ownership.IsUnique
                        ? Expression.Condition(
                            Expression.Equal(MapOf(ownedType), Expression.Constant(null, typeof(Dictionary<string, AttributeValue>))),
                            Expression.Default(type),
                            ownerKey)
                        : ownerKey;
                }

                if (property.IsOrdinalKey())
                {
                    return Expression.Convert(ScopeOf(ownedType).Ordinal!, type);
                }
            }

            return AttributePath.CreateReadExpression(AnchorMap(AttributePath.AnchorOf(property)), property, type);
        }

        // The map holding an owned type's (or complex type's) attributes: its anchor's map, down its path.
        private Expression MapOf(IReadOnlyTypeBase type)
        {
            var path = AttributePath.MapPathOf(type, out var anchor);
            return AttributePath.CreateMapExpression(AnchorMap(anchor), path);
        }

        private Expression AnchorMap(IReadOnlyTypeBase anchor)
            => anchor is IReadOnlyEntityType entityType && !entityType.IsOwned()
                ? itemParameter
                : ScopeOf(anchor).Map;

        private ElementScope ScopeOf(IReadOnlyTypeBase elementType)
        {
            for (var current = scope; current is not null; current = current.Outer)
            {
                if (current.ElementType == elementType)
                {
                    return current;
                }
            }

            throw new InvalidOperationException($"'{elementType.DisplayName()}' is an element of a collection that is not being read here.");
        }

        // Each element is materialized by EF's materializer of the complex type, compiled here once, reading the
        // members of the element from the element's map.
        private Expression ReadComplexCollection(ComplexCollectionReadExpression collection)
        {
            var complexProperty = collection.ComplexProperty;
            var elementType = complexProperty.ComplexType.ClrType;
            var element = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
            var materializationContext = Expression.New(
                MaterializationContextConstructor,
                Expression.Constant(ValueBuffer.Empty),
                Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.Context)));
            var materializer = materializerSource.CreateMaterializeExpression(
                new StructuralTypeMaterializerSourceParameters(complexProperty.ComplexType, "element", elementType, IsNullable: false, QueryTrackingBehavior: null),
                materializationContext);
            var readElement = Expression.Lambda(
                Nested(new ElementScope(complexProperty.ComplexType, element, Ordinal: null, scope)).Visit(materializer),
                element,
                Expression.Parameter(typeof(int), "position"));

            return Expression.Call(
                AttributeValueReader.ReadComplexCollectionMethod.MakeGenericMethod(collection.Type, elementType),
                MapOf(complexProperty.DeclaringType),
                Expression.Constant(complexProperty.GetAttributeName()),
                Expression.Constant(complexProperty.IsNullable),
                readElement);
        }

        // Each element is materialized (and tracked) by EF's materializer of the owned type that the shaper already
        // holds, reading from the element's map, with the element's position as the rest of its key.
        private Expression ReadOwnedCollection(OwnedCollectionShaperExpression collection)
        {
            var ownedType = collection.Navigation.TargetEntityType;
            var element = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
            var ordinal = Expression.Parameter(typeof(int), "ordinal");
            var readElement = Expression.Lambda(
                Nested(new ElementScope(ownedType, element, ordinal, scope)).Visit(collection.ElementShaper),
                element,
                ordinal);

            return Expression.Call(
                AttributeValueReader.ReadOwnedCollectionMethod.MakeGenericMethod(ownedType.ClrType),
                MapOf(collection.Navigation.DeclaringEntityType),
                Expression.Constant(ownedType.GetContainingAttributeName()),
                readElement);
        }

        private ItemReadingExpressionVisitor Nested(ElementScope elementScope)
            => new(itemParameter, query, materializerSource, tracking, elementScope) { _insideOwned = true };

        // Include(Include(owner, a), b): the owner is materialized (and tracked) first, then each owned navigation
        // is read and set. A tracking query leaves an owner it already tracked as it is, owned entities included,
        // as EF does for every tracked entity a query returns again.
        private Expression Include(IncludeExpression include)
        {
            var includes = new List<IncludeExpression>();
            Expression entity = include;
            while (entity is IncludeExpression inner)
            {
                includes.Insert(0, inner);
                entity = inner.EntityExpression;
            }

            var owner = Expression.Variable(entity.Type, "owner");
            var variables = new List<ParameterExpression> { owner };
            var expressions = new List<Expression>();
            ParameterExpression? wasTracked = null;
            if (tracking && !_insideOwned)
            {
                wasTracked = Expression.Variable(typeof(bool), "ownerWasTracked");
                var hasNullKey = Expression.Variable(typeof(bool), "hasNullKey");
                var key = query.EntityType.FindPrimaryKey()!;
                variables.AddRange([wasTracked, hasNullKey]);
                expressions.Add(Expression.Assign(
                    wasTracked,
                    Expression.NotEqual(
                        Expression.Call(
                            QueryCompilationContext.QueryContextParameter,
                            TryGetEntryMethod,
                            Expression.Constant(key),
                            Expression.NewArrayInit(typeof(object), key.Properties.Select(p => Read(p, typeof(object)))),
                            Expression.Constant(false),
                            hasNullKey),
                        Expression.Constant(null))));
            }

            expressions.Add(Expression.Assign(owner, Visit(entity)));
            var insideOwned = _insideOwned;
            _insideOwned = true;
            foreach (var navigationInclude in includes)
            {
                var navigation = (INavigation)navigationInclude.Navigation;
                var owned = Visit(navigationInclude.NavigationExpression);
                Expression load = navigation.IsCollection
                    ? Expression.Call(
                        OwnedNavigationLoader.IncludeCollectionMethod.MakeGenericMethod(navigation.TargetEntityType.ClrType),
                        QueryCompilationContext.QueryContextParameter,
                        owner,
                        owned,
                        Expression.Constant(navigation),
                        Expression.Constant(tracking))
                    : Expression.Call(
                        OwnedNavigationLoader.IncludeReferenceMethod,
                        QueryCompilationContext.QueryContextParameter,
                        owner,
                        Expression.Convert(owned, typeof(object)),
                        Expression.Constant(navigation),
                        Expression.Constant(tracking));
                expressions.Add(wasTracked is null ? load : Expression.IfThen(Expression.Not(wasTracked), load));
            }

            _insideOwned = insideOwned;
            expressions.Add(owner);
            return Expression.Block(entity.Type, variables, expressions);
        }

        /// <summary>A collection element being read: its type, its map and (for an owned element) its position.</summary>
        public sealed record ElementScope(IReadOnlyTypeBase ElementType, ParameterExpression Map, ParameterExpression? Ordinal, ElementScope? Outer);
    }
}
