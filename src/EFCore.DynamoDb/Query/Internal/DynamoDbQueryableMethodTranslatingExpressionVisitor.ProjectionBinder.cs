using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    /// <summary>
    /// Rewrites a Select's body for the client: each mapped property it reads becomes a binding to that attribute
    /// (so the request's ProjectionExpression names exactly those), the entity itself stays an entity shaper (the
    /// whole item is read), an owned navigation becomes a shaper of the owned entity (or of each element of an owned
    /// collection) read from the same item, and everything else (constructors, arithmetic, method calls) runs on the
    /// results.
    /// </summary>
    private sealed class ProjectionBinder(DynamoDbQueryExpression query, bool tracking) : ExpressionVisitor
    {
        // Inside an Include an owned entity is read with its owner; projected on its own it is not tracked.
        private bool _includingOwned;

        public bool ProjectsEntity { get; private set; }

        public string? FailureReason { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
                case StructuralTypeShaperExpression:
                    ProjectsEntity = true;
                    return node;
                case ProjectionBindingExpression:
                    return node;
                case IncludeExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } navigation } include:
                    var entity = Visit(include.EntityExpression);
                    return new IncludeExpression(entity, IncludingOwned(() => BindOwned(include.NavigationExpression, navigation)), navigation, include.SetLoaded);
                case IncludeExpression include:
                    FailureReason ??= DynamoDbStrings.IncludeNotSupported(include.Navigation.DeclaringEntityType.DisplayName() + "." + include.Navigation.Name);
                    return node;
                case MaterializeCollectionNavigationExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } navigation } collection:
                    return BindOwned(collection, navigation);
                default:
                    return base.VisitExtension(node);
            }
        }

        // e.Region.Length where Region is missing: no value for a non-nullable result, which fails as EF's other
        // providers fail ("Nullable object must have a value."), not with a NullReferenceException.
        protected override Expression VisitMember(MemberExpression node)
        {
            var access = BindMember(node);
            return NullableInstanceOf(access) is { } instance && access.Type.IsValueType && Nullable.GetUnderlyingType(access.Type) is null
                ? Expression.Convert(
                    Expression.Condition(
                        Expression.Equal(instance, Expression.Constant(null, instance.Type)),
                        Expression.Constant(null, typeof(Nullable<>).MakeGenericType(access.Type)),
                        Expression.Convert(access, typeof(Nullable<>).MakeGenericType(access.Type))),
                    access.Type)
                : access;
        }

        private Expression BindMember(MemberExpression node)
        {
            if (node.Expression is StructuralTypeShaperExpression)
            {
                return query.EntityType.FindComplexProperty(node.Member.Name) is not null
                    ? ProjectEntity(node)
                    : Bind(node.Expression.Type, node.Member.Name, node.Type) ?? node;
            }

            // o.Address.City, o.Ship.City: one attribute of a complex property's or owned reference's nested map.
            return node.Expression is MemberExpression or MethodCallExpression && DynamoDbPredicateTranslator.FindNestedProperty(query.EntityType, node) is { } nested
                ? new ProjectionBindingExpression(query, query.AddProjectedProperty(nested), node.Type)
                : base.VisitMember(node);
        }

        // (int?)e.Name.IndexOf(""): a method or member of an attribute that may be missing yields null, as in EF's
        // other providers, where C# would throw.
        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.NodeType != ExpressionType.Convert || Nullable.GetUnderlyingType(node.Type) != node.Operand.Type)
            {
                return base.VisitUnary(node);
            }

            var operand = node.Operand is MemberExpression member ? BindMember(member) : Visit(node.Operand);
            return NullableInstanceOf(operand) is { } instance
                ? Expression.Condition(
                    Expression.Equal(instance, Expression.Constant(null, instance.Type)),
                    Expression.Constant(null, node.Type),
                    Expression.Convert(operand, node.Type))
                : node.Update(operand);
        }

        private static Expression? NullableInstanceOf(Expression access)
            => access switch
            {
                MethodCallExpression { Object: ProjectionBindingExpression { Type.IsValueType: false } instance } => instance,
                MemberExpression { Expression: ProjectionBindingExpression { Type.IsValueType: false } instance } => instance,
                _ => null,
            };

        // A whole complex value is materialized with its entity, which reads the whole item.
        private Expression ProjectEntity(MemberExpression node)
        {
            ProjectsEntity = true;
            return node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(EF)
                || node.Method.Name != nameof(EF.Property)
                || node.Arguments[1] is not ConstantExpression { Value: string name })
            {
                // e.Name.ToUpper(): null for a missing attribute, as in EF's other providers.
                var visited = base.VisitMethodCall(node);
                return NullableInstanceOf(visited) is { } target && (!visited.Type.IsValueType || Nullable.GetUnderlyingType(visited.Type) is not null)
                    ? Expression.Condition(Expression.Equal(target, Expression.Constant(null, target.Type)), Expression.Constant(null, visited.Type), visited)
                    : visited;
            }

            if (node.Arguments[0] is StructuralTypeShaperExpression { StructuralType: IEntityType rootType })
            {
                if (rootType.FindNavigation(name) is { ForeignKey.IsOwnership: true, IsCollection: true } ownedCollection)
                {
                    // Reached only through a subquery over the collection (Where, Select…); the whole one is included.
                    FailureReason ??= DynamoDbStrings.OwnedCollectionSubquery(ownedCollection.DeclaringEntityType.DisplayName() + "." + name);
                    return node;
                }

                return OwnedReference(rootType, name) is { } ownedByRoot ? BindOwnedReference(ownedByRoot) : Bind(node.Arguments[0].Type, name, node.Type) ?? node;
            }

            // EF.Property<string>(EF.Property<Address>(o, "Ship"), "City"): an attribute of an owned reference's map.
            if (DynamoDbPredicateTranslator.FindNestedProperty(query.EntityType, node.Arguments[0], name) is { } nested)
            {
                return new ProjectionBindingExpression(query, query.AddProjectedProperty(nested), node.Type);
            }

            var instance = Visit(node.Arguments[0]);
            return instance is StructuralTypeShaperExpression { StructuralType: IEntityType entityType } && OwnedReference(entityType, name) is { } navigation
                ? BindOwnedReference(navigation)
                : node.Update(null, [instance, node.Arguments[1]]);
        }

        private static INavigation? OwnedReference(IEntityType entityType, string name)
            => entityType.FindNavigation(name) is { ForeignKey.IsOwnership: true, IsCollection: false } navigation ? navigation : null;

        private Expression BindOwned(Expression navigationExpression, INavigation navigation)
        {
            if (!navigation.IsCollection)
            {
                return Visit(navigationExpression);
            }

            if (!_includingOwned && tracking)
            {
                return FailOwnedWithoutOwner(navigationExpression);
            }

            ProjectsEntity = true;
            Expression elementShaper = OwnedShaper(navigation.TargetEntityType, nullable: false);
            var subquery = navigationExpression is MaterializeCollectionNavigationExpression materialize ? materialize.Subquery : navigationExpression;
            if (subquery is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [var source, UnaryExpression { Operand: LambdaExpression selector }] }
                && IsWholeCollection(source))
            {
                // The elements' own owned navigations, included by EF.
                var shaper = elementShaper;
                elementShaper = IncludingOwned(() => Visit(ReplacingExpressionVisitor.Replace(selector.Parameters[0], shaper, selector.Body)));
            }
            else if (!IsWholeCollection(subquery))
            {
                FailureReason ??= DynamoDbStrings.OwnedCollectionSubquery(navigation.DeclaringEntityType.DisplayName() + "." + navigation.Name);
                return navigationExpression;
            }

            return new OwnedCollectionShaperExpression(navigation, elementShaper);
        }

        // EF.Property<List<T>>(o, "Items").AsQueryable(): the stored collection, without filtering or ordering.
        private static bool IsWholeCollection(Expression subquery)
            => subquery is MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable), Arguments: [MethodCallExpression { Method.Name: nameof(EF.Property) }] };

        private Expression BindOwnedReference(INavigation navigation)
        {
            var shaper = OwnedShaper(navigation.TargetEntityType, nullable: true);
            if (!_includingOwned && tracking)
            {
                return FailOwnedWithoutOwner(shaper);
            }

            ProjectsEntity = true;
            return shaper;
        }

        // An owned entity is read from the whole item, like its owner (the value buffer is unused).
        private StructuralTypeShaperExpression OwnedShaper(IEntityType ownedType, bool nullable)
            => new(ownedType, new ProjectionBindingExpression(query, new ProjectionMember(), typeof(Microsoft.EntityFrameworkCore.Storage.ValueBuffer)), nullable);

        private Expression IncludingOwned(Func<Expression> bind)
        {
            var including = _includingOwned;
            _includingOwned = true;
            var bound = bind();
            _includingOwned = including;
            return bound;
        }

        private Expression FailOwnedWithoutOwner(Expression node)
        {
            FailureReason ??= CoreStrings.OwnedEntitiesCannotBeTrackedWithoutTheirOwner;
            return node;
        }

        private Expression? Bind(Type instanceType, string propertyName, Type type)
        {
            if (DynamoDbPredicateTranslator.FindProperty(query.EntityType, instanceType, propertyName) is { } property)
            {
                return new ProjectionBindingExpression(query, query.AddProjectedProperty(property), type);
            }

            // A member the model knows (a navigation…) is not in the item; one it does not know is EF's unmapped member.
            FailureReason ??= query.EntityType.FindMember(propertyName) is null
                ? CoreStrings.QueryUnableToTranslateMember(propertyName, query.EntityType.DisplayName())
                : DynamoDbStrings.ProjectionMemberNotMapped(propertyName, query.EntityType.DisplayName());
            return null;
        }
    }
}
