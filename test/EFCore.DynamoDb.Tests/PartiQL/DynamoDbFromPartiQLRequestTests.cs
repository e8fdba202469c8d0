using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests.PartiQL;

/// <summary>
/// The ExecuteStatement requests of <c>FromPartiQL</c>/<c>FromPartiQLRaw</c>: the statement text with a <c>?</c> per
/// value and the full table name, the values as typed parameters; statement and composition errors.
/// </summary>
public sealed class DynamoDbFromPartiQLRequestTests : IDisposable
{
    private readonly List<EventData> _events = [];
    private readonly ShopContext _db;

    public DynamoDbFromPartiQLRequestTests()
        => _db = TestContexts.Shop(configure: o =>
        {
            o.LogTo((id, _) => id == CoreEventId.QueryCompilationStarting, _events.Add);
            TestContexts.UseCompilationCountingCache(o);
        });

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Values_become_typed_parameters_and_never_enter_the_text()
    {
        var customer = "c1' OR '1'='1";
        var status = OrderStatus.Shipped;

        var request = RequestJson.Of(_db.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {customer} AND \"Status\" = {status}"));

        Assert.Equal("ExecuteStatement", request.Member("Operation"));
        Assert.Equal("SELECT * FROM \"Orders\" WHERE \"CustomerId\" = ? AND \"Status\" = ?", request.Member("Statement"));
        var parameters = request.GetProperty("Parameters").EnumerateArray().Select(p => p.EnumerateObject().Single()).ToList();
        Assert.Equal([("S", customer), ("N", "1")], parameters.Select(p => (p.Name, p.Value.GetString())));
    }

    [Fact]
    public void FromPartiQLRaw_repeats_a_value_for_each_of_its_placeholders_and_keeps_escaped_braces()
    {
        var request = RequestJson.Of(_db.Products.FromPartiQLRaw("SELECT * FROM Products WHERE Id = {0} OR Id = {1} OR Id = {0} OR Name = '{{x}}'", 1, 2));

        Assert.Equal("SELECT * FROM \"Products\" WHERE Id = ? OR Id = ? OR Id = ? OR Name = '{x}'", request.Member("Statement"));
        Assert.Equal(["1", "2", "1"], request.GetProperty("Parameters").EnumerateArray().Select(p => p.GetProperty("N").GetString()));
    }

    [Fact]
    public void A_statement_on_an_index_of_the_table_is_allowed()
    {
        var request = RequestJson.Of(_db.Orders.FromPartiQL($"select * from \"Orders\".\"ByStatus\" where \"Status\" = {1}"));

        Assert.Equal("select * from \"Orders\".\"ByStatus\" where \"Status\" = ?", request.Member("Statement"));
    }

    [Fact]
    public void Another_execution_with_other_values_reuses_the_compiled_query()
    {
        foreach (var customer in new[] { "c1", "c2", "c3" })
        {
            var request = RequestJson.Of(_db.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {customer}"));
            Assert.Equal(customer, request.GetProperty("Parameters")[0].GetProperty("S").GetString());
        }

        Assert.Single(_events);
    }

    [Fact]
    public void A_quoted_placeholder_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _db.Orders.FromPartiQLRaw("SELECT * FROM \"Orders\" WHERE \"CustomerId\" = '{0}'", "c1").ToQueryString());

        Assert.Equal(DynamoDbStrings.PartiQLQuotedPlaceholder("SELECT * FROM \"Orders\" WHERE \"CustomerId\" = '{0}'"), error.Message);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _db.Orders.FromPartiQLRaw("SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {1}", "c1").ToQueryString());

        Assert.Equal(DynamoDbStrings.PartiQLMissingValue("SELECT * FROM \"Orders\" WHERE \"CustomerId\" = ?", 1, 1), error.Message);
    }

    [Theory]
    [InlineData("WithIndex")]
    [InlineData("OrderBy")]
    [InlineData("WithTransactionalRead")]
    public void Operators_that_belong_in_the_statement_are_errors(string operatorName)
    {
        var source = _db.Orders.FromPartiQL($"SELECT * FROM \"Orders\"");
        var query = operatorName switch
        {
            "WithIndex" => source.WithIndex("ByStatus"),
            "OrderBy" => source.OrderBy(o => o.Total),
            _ => source.WithTransactionalRead(),
        };

        var error = Assert.ThrowsAny<Exception>(() => query.ToQueryString());

        Assert.Contains(DynamoDbStrings.PartiQLDoesNotCompose(operatorName, "Order"), error.ToString());
    }

    [Fact]
    public void WithConsistentRead_reads_with_strong_consistency()
    {
        var request = RequestJson.Of(_db.Orders.FromPartiQL($"SELECT * FROM \"Orders\" WHERE \"CustomerId\" = {"c1"}").WithConsistentRead());

        Assert.True(request.GetProperty("ConsistentRead").GetBoolean());
    }
}
