using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

public partial class DynamoDbQueryableMethodTranslatingExpressionVisitor
{
    /// <summary>
    /// Rewrites a Select's body for the client: each mapped property it reads becomes a binding to that attribute
    /// (so the request's ProjectionExpression names exactly those), the entity itself stays an entity shaper (the
    /// whole item is read), and everything else (constructors, arithmetic, method calls) runs on the results.
    /// </summary>
    private sealed class ProjectionBinder(DynamoDbQueryExpression query) : ExpressionVisitor
    {
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
                case IncludeExpression include:
                    FailureReason ??= DynamoDbStrings.IncludeNotSupported(include.Navigation.DeclaringEntityType.DisplayName() + "." + include.Navigation.Name);
                    return node;
                default:
                    return base.VisitExtension(node);
            }
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is StructuralTypeShaperExpression)
            {
                return query.EntityType.FindComplexProperty(node.Member.Name) is not null
                    ? ProjectEntity(node)
                    : Bind(node.Member.Name, node.Type) ?? node;
            }

            // o.Address.City: one attribute of a complex property's nested map.
            return node.Expression is MemberExpression && DynamoDbPredicateTranslator.FindNestedProperty(query.EntityType, node) is { } nested
                ? new ProjectionBindingExpression(query, query.AddProjectedProperty(nested), node.Type)
                : base.VisitMember(node);
        }

        // A whole complex value is materialized with its entity, which reads the whole item.
        private Expression ProjectEntity(MemberExpression node)
        {
            ProjectsEntity = true;
            return node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
            => node.Method.DeclaringType == typeof(EF)
                && node.Method.Name == nameof(EF.Property)
                && node.Arguments[0] is StructuralTypeShaperExpression
                && node.Arguments[1] is ConstantExpression { Value: string propertyName }
                    ? Bind(propertyName, node.Type) ?? node
                    : base.VisitMethodCall(node);

        private Expression? Bind(string propertyName, Type type)
        {
            if (query.EntityType.FindProperty(propertyName) is { } property)
            {
                return new ProjectionBindingExpression(query, query.AddProjectedProperty(property), type);
            }

            FailureReason ??= DynamoDbStrings.ProjectionMemberNotMapped(propertyName, query.EntityType.DisplayName());
            return null;
        }
    }
}
