using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Microsoft.EntityFrameworkCore.ValueGeneration.Internal;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
/// EF's value generators, plus temporary values where the save gives the real one: the position key of a new owned
/// collection element (replaced by its position, see <c>OwnedWriteScope.AssignPositions</c>, as the key is never
/// stored) and a generated integer key (replaced from its key counter, see <see cref="DynamoDbKeyCounterAssigner" />,
/// so adding an entity never blocks on a request and a save reserves all the values it needs at once).
/// </summary>
public class DynamoDbValueGeneratorSelector(ValueGeneratorSelectorDependencies dependencies) : ValueGeneratorSelector(dependencies)
{
    private readonly TemporaryNumberValueGeneratorFactory _temporaryNumbers = new();

    /// <inheritdoc />
    protected override ValueGenerator? FindForType(IProperty property, ITypeBase typeBase, Type clrType)
        => property.IsOrdinalKey()
            ? new TemporaryIntValueGenerator()
            : property.IsGeneratedByKeyCounter()
                ? _temporaryNumbers.Create(property, typeBase)
                : base.FindForType(property, typeBase, clrType);
}
