using EFCore.DynamoDb.FunctionalTests.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.SaveChanges;

/// <summary>Empty Customers, Accounts and Bookings tables; each test writes items under keys of its own.</summary>
public sealed class StoreFixture(DynamoDbServerFixture server) : DynamoDbContextFixture<StoreContext>(server);
