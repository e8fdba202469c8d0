using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>The stored value of a property of the same item: its attribute path.</summary>
public sealed record UpdatePathOperand(IProperty Property) : UpdateOperand
{
    /// <inheritdoc />
    public override string ToString() => Property.Name;
}
