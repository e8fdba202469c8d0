using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// DynamoDB generates no key values. EF's convention marks single integer keys as generated on add, which would
/// write temporary values; here only Guid keys stay generated on add, client-side, as EF does for every provider,
/// and the position key of an owned collection's element, which is never stored: the save gives each new element
/// its position.
/// </summary>
public class DynamoDbValueGenerationConvention(
    ProviderConventionSetBuilderDependencies dependencies)
    : ValueGenerationConvention(dependencies)
{
    /// <inheritdoc />
    protected override ValueGenerated? GetValueGenerated(IConventionProperty property)
    {
        var valueGenerated = base.GetValueGenerated(property);
        return valueGenerated == ValueGenerated.OnAdd
            && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != typeof(Guid)
            && !property.IsOrdinalKey()
                ? null
                : valueGenerated;
    }
}
