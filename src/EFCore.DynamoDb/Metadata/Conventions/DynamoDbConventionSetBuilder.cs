using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>EF's core conventions plus the DynamoDB ones: table naming, key value generation, single-table discriminators, timestamps, relational table names, indexes mapped to GSIs.</summary>
public class DynamoDbConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    /// <inheritdoc />
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        conventionSet.Add(new DynamoDbTableNameConvention(Dependencies));
        conventionSet.Replace<ValueGenerationConvention>(new DynamoDbValueGenerationConvention(Dependencies));

        // Before EF's own finalizing conventions, which validate and complete discriminators.
        conventionSet.ModelFinalizingConventions.Insert(0, new DynamoDbDiscriminatorConvention());
        conventionSet.ModelFinalizingConventions.Insert(0, new DynamoDbTimestampsConvention());

        // Models written for relational providers: the relational table names first, as the discriminator
        // convention groups entity types by table; the indexes last, once EF's conventions have settled them.
        conventionSet.ModelFinalizingConventions.Insert(0, new DynamoDbRelationalTableNameConvention());
        conventionSet.ModelFinalizingConventions.Add(new DynamoDbIndexMappingConvention());
        return conventionSet;
    }
}
