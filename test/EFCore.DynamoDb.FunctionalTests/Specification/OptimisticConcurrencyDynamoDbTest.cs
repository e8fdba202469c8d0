using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Specification;

/// <summary>EF Core's <see cref="OptimisticConcurrencyTestBase{TFixture, TRowVersion}" /> on the F1 model, run as written against DynamoDB Local.</summary>
public partial class OptimisticConcurrencyDynamoDbTest(F1DynamoDbFixture fixture)
    : OptimisticConcurrencyTestBase<F1DynamoDbFixture, long>(fixture);
