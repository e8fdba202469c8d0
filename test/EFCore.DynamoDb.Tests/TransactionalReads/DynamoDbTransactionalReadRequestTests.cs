using System.Text.Json;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.TransactionalReads;

/// <summary>
/// The TransactGetItems requests of <c>WithTransactionalRead()</c>: one Get per distinct whole key, at most 100; any
/// other query shape is an error before anything is sent.
/// </summary>
public sealed class DynamoDbTransactionalReadRequestTests : IDisposable
{
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private static List<string> Keys(JsonElement request)
        => request.GetProperty("TransactItems").EnumerateArray()
            .Select(i => string.Join("/", i.GetProperty("Get").GetProperty("Key").EnumerateObject().Select(a => a.Value.EnumerateObject().Single().Value.GetString())))
            .ToList();

    [Fact]
    public void Contains_on_partition_keys_is_one_TransactGetItems_of_the_distinct_keys()
    {
        var ids = new[] { 1, 2, 2, 3 };

        var request = RequestJson.Of(_db.Products.Where(p => ids.Contains(p.Id)).WithTransactionalRead());

        Assert.Equal("TransactGetItems", request.Member("Operation"));
        Assert.Equal(["1", "2", "3"], Keys(request));
        Assert.All(request.GetProperty("TransactItems").EnumerateArray(), i => Assert.Equal("Products", i.GetProperty("Get").GetProperty("TableName").GetString()));
    }

    [Fact]
    public void Contains_on_sort_keys_in_one_partition_reads_each_whole_key()
    {
        var orderIds = new List<string> { "a", "b" };

        var request = RequestJson.Of(_db.Orders.Where(o => o.CustomerId == "c1" && orderIds.Contains(o.OrderId)).WithTransactionalRead());

        Assert.Equal(["c1/a", "c1/b"], Keys(request));
    }

    [Fact]
    public void Equality_on_the_whole_key_is_a_TransactGetItems_of_one_key()
    {
        var request = RequestJson.Of(_db.Orders.Where(o => o.CustomerId == "c1" && o.OrderId == "a").WithTransactionalRead());

        Assert.Equal("TransactGetItems", request.Member("Operation"));
        Assert.Equal(["c1/a"], Keys(request));
    }

    [Fact]
    public void A_projection_reads_only_its_attributes_and_the_partition_key()
    {
        var ids = new[] { 1, 2 };

        var request = RequestJson.Of(_db.Products.Where(p => ids.Contains(p.Id)).WithTransactionalRead().Select(p => p.Name));

        var get = request.GetProperty("TransactItems")[0].GetProperty("Get");
        // The partition key is read too: an item whose projected attributes are all missing still comes back, not as
        // an empty answer that would read as "no item".
        Assert.Equal("#n0, #n1", get.GetProperty("ProjectionExpression").GetString());
        Assert.Equal(["Name", "Id"], get.GetProperty("ExpressionAttributeNames").EnumerateObject().Select(p => p.Value.GetString()));
    }

    [Fact]
    public void More_than_100_keys_are_an_error_before_sending()
    {
        var ids = Enumerable.Range(1, 101).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => _db.Products.Where(p => ids.Contains(p.Id)).WithTransactionalRead().ToQueryString());

        Assert.Equal(DynamoDbStrings.TransactionalReadTooManyKeys("Product", 101), error.Message);
    }

    [Fact]
    public void Exactly_100_keys_are_one_request()
    {
        var ids = Enumerable.Range(1, 100).ToList();

        var request = RequestJson.Of(_db.Products.Where(p => ids.Contains(p.Id)).WithTransactionalRead());

        Assert.Equal(100, Keys(request).Count);
    }

    [Fact]
    public void A_predicate_on_another_attribute_is_an_error()
    {
        var ids = new[] { 1, 2 };

        var error = Assert.Throws<InvalidOperationException>(() =>
            _db.Products.Where(p => ids.Contains(p.Id) && p.Name == "Pen").WithTransactionalRead().ToQueryString());

        Assert.Equal(DynamoDbStrings.TransactionalReadNeedsKeys("Product"), error.Message);
    }

    [Fact]
    public void A_partition_key_alone_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _db.Orders.Where(o => o.CustomerId == "c1").WithTransactionalRead().ToQueryString());

        Assert.Equal(DynamoDbStrings.TransactionalReadNeedsKeys("Order"), error.Message);
    }
}
