using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// DynamoDB generates no key values itself. EF's convention marks single integer and Guid keys as generated on add;
/// here a Guid key stays generated on the client, as EF does for every provider, a single integer key of a stored
/// entity type draws its values from a key counter (hi-lo blocks, see <see cref="KeyCounterExtensions" />), and the
/// position key of an owned collection's element is given by the save, as it is never stored. Other integer key
/// parts EF would mark (one non-foreign-key part of a composite key) are not generated: nothing could give them values.
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
            && !property.CanUseKeyCounter()
                ? null
                : valueGenerated;
    }
}
