using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Libraries.DataProtection;

/// <summary>An empty DataProtectionKeys table and key counters table.</summary>
public sealed class DataProtectionFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<DataProtectionContext>(server);
