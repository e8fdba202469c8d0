using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// One clause of the update expression an <c>ExecuteUpdate</c> setter translates to: the property whose attribute
/// (or nested document path) it changes, and the operand it stores, adds or deletes (none for REMOVE).
/// </summary>
public sealed record DynamoDbUpdateAction(DynamoDbUpdateActionKind Kind, IProperty Property, UpdateOperand? Operand)
{
    /// <inheritdoc />
    public override string ToString() => Operand is null ? $"{Kind} {Property.Name}" : $"{Kind} {Property.Name} {Operand}";
}
