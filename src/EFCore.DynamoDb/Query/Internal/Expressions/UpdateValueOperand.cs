using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
/// A value (constant, query parameter or computation over them), written through the type mapping of
/// <see cref="Property" />, the property it is stored in or combined with.
/// </summary>
public sealed record UpdateValueOperand(IProperty Property, QueryValue Value) : UpdateOperand
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
