using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.RelationalNames;

/// <summary>
/// EF's relational <c>ToTable</c> and <c>HasDatabaseName</c>, compiled beside the provider's API, name the table and
/// index that DynamoDB Local creates and that lookups read.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class RelationalNamesTests(RelationalNamesFixture fixture) : IClassFixture<RelationalNamesFixture>
{
    [Fact]
    public async Task The_table_and_its_indexes_are_created_under_the_relational_names()
    {
        await using var context = fixture.CreateContext();

        var request = Assert.Single(context.Database.GetCreateTableRequests());
        var table = await fixture.RawClient.DescribeTableAsync(fixture.TableName("AspNetMembers"));

        Assert.Equal(fixture.TableName("AspNetMembers"), request.TableName);
        Assert.Equal(
            ["IX_Member_NormalizedEmail", "UserNameIndex"],
            table.Table.GlobalSecondaryIndexes.Select(i => i.IndexName).Order());
        Assert.Equal("NormalizedUserName", Assert.Single(table.Table.GlobalSecondaryIndexes, i => i.IndexName == "UserNameIndex").KeySchema.Single().AttributeName);
    }

    [Fact]
    public async Task Lookups_by_indexed_properties_Query_the_named_indexes()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);

        var bob = await context.Members.SingleAsync(m => m.NormalizedUserName == "BOB");
        var cy = await context.Members.SingleAsync(m => m.NormalizedEmail == "CY@EXAMPLE.COM");

        Assert.Equal(("2", "3"), (bob.Id, cy.Id));
        Assert.Equal(["Query", "Query"], log.Operations);
        Assert.Equal(["UserNameIndex", "IX_Member_NormalizedEmail"], log.Requests.Select(r => r.IndexName));
        Assert.All(log.Requests, r => Assert.Equal(fixture.TableName("AspNetMembers"), r.TableName));
    }
}
