using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Microsoft.EntityFrameworkCore.ValueGeneration.Internal;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
/// EF's value generators, plus temporary values for the position key of a new owned collection element: the save
/// replaces them with the element's position (see <c>OwnedWriteScope.AssignPositions</c>), as the key is never stored.
/// </summary>
public class DynamoDbValueGeneratorSelector(ValueGeneratorSelectorDependencies dependencies) : ValueGeneratorSelector(dependencies)
{
    /// <inheritdoc />
    protected override ValueGenerator? FindForType(IProperty property, ITypeBase typeBase, Type clrType)
        => property.IsOrdinalKey() ? new TemporaryIntValueGenerator() : base.FindForType(property, typeBase, clrType);
}
