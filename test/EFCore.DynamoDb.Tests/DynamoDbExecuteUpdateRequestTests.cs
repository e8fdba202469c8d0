using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The UpdateItem and DeleteItem requests of <c>ExecuteUpdateAsync</c>/<c>ExecuteDeleteAsync</c>, executed against
/// <see cref="RecordingClientWrapper" />: nothing is sent. Each setter kind's update expression, the write by whole
/// key that reads nothing, the key-only read otherwise, and every refusal.
/// </summary>
public sealed class DynamoDbExecuteUpdateRequestTests : IAsyncDisposable
{
    private readonly MemberContext _db = new(TestContexts.Options<MemberContext>(configure: RecordingClientWrapper.Use).Options);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private RecordingClientWrapper Client => RecordingClientWrapper.Of(_db);

    private static Dictionary<string, AttributeValue> MemberKey(string team, string id)
        => new() { ["Team"] = new AttributeValue { S = team }, ["Id"] = new AttributeValue { S = id } };

    private UpdateItemRequest SingleUpdate() => Assert.IsType<UpdateItemRequest>(Assert.Single(Client.Requests));

    // The update expression with each placeholder replaced by its name or value, as "type:text".
    private static string Resolved(string expression, UpdateItemRequest request)
    {
        foreach (var (placeholder, name) in request.ExpressionAttributeNames.OrderByDescending(p => p.Key.Length))
        {
            expression = expression.Replace(placeholder, name, StringComparison.Ordinal);
        }

        foreach (var (placeholder, value) in (request.ExpressionAttributeValues ?? []).OrderByDescending(p => p.Key.Length))
        {
            expression = expression.Replace(placeholder, AttributeValueText.Of(value), StringComparison.Ordinal);
        }

        return expression;
    }

    private async Task<string> UpdateExpressionOf(Action<UpdateSettersBuilder<Member>> setters)
    {
        await _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteUpdateAsync(setters);
        var request = SingleUpdate();
        return Resolved(request.UpdateExpression, request);
    }

    [Fact]
    public async Task Setting_a_constant_is_SET_with_the_row_version_incremented()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Name, "Ann"));

        Assert.Equal("SET Name = S:Ann, Revision = if_not_exists(Revision, N:0) + N:1", expression);
    }

    [Fact]
    public async Task Setting_a_variable_is_SET_of_its_value()
    {
        var points = 42;

        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Points, points));

        Assert.StartsWith("SET Points = N:42, ", expression);
    }

    [Fact]
    public async Task Setting_a_value_goes_through_the_property_type_mapping()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Status, OrderStatus.Shipped));

        Assert.StartsWith("SET Status = N:" + (int)OrderStatus.Shipped + ", ", expression);
    }

    [Fact]
    public async Task Setting_another_property_of_the_item_copies_its_attribute()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Region, m => m.Name));

        Assert.StartsWith("SET Region = Name, ", expression);
    }

    [Fact]
    public async Task Adding_to_a_number_is_SET_of_the_attribute_plus_the_value()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Points, m => m.Points + 5));

        Assert.StartsWith("SET Points = Points + N:5, ", expression);
    }

    [Fact]
    public async Task Adding_to_a_decimal_through_its_operator_method_is_SET_of_the_attribute_plus_the_value()
    {
        await using var shop = TestContexts.Shop(configure: RecordingClientWrapper.Use);

        await shop.Orders.Where(o => o.CustomerId == "c" && o.OrderId == "o").ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, o => o.Total + 2.5m));

        var request = Assert.IsType<UpdateItemRequest>(Assert.Single(RecordingClientWrapper.Of(shop).Requests));
        var token = request.ExpressionAttributeValues[":writeToken"].S;
        Assert.Equal("SET Total = Total + N:2.5, $writeToken = S:" + token, Resolved(request.UpdateExpression, request));
    }

    [Fact]
    public async Task A_setter_reading_the_attribute_it_writes_carries_a_write_token_it_is_conditioned_on()
    {
        Client.Respond = r => r is QueryRequest ? [MemberKey("t", "1"), MemberKey("t", "2")] : [];

        await _db.Members.Where(m => m.Team == "t").ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, m => m.Points + 1));
        var updates = Client.Requests.OfType<UpdateItemRequest>().ToList();

        Assert.Equal(2, updates.Count);
        Assert.All(updates, update =>
        {
            var token = update.ExpressionAttributeValues[":writeToken"].S;
            Assert.EndsWith(", $writeToken = S:" + token, Resolved(update.UpdateExpression, update));
            Assert.EndsWith(" AND (attribute_not_exists($writeToken) OR $writeToken <> S:" + token + ")", Resolved(update.ConditionExpression, update));
            Assert.Equal(Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD, update.ReturnValuesOnConditionCheckFailure);
        });
        Assert.Equal(updates.Count, updates.Select(u => u.ExpressionAttributeValues[":writeToken"].S).Distinct().Count());
    }

    [Theory]
    [InlineData("constant")]
    [InlineData("copy")]
    [InlineData("remove")]
    public async Task An_idempotent_update_carries_no_write_token_even_with_the_row_version_increment(string setter)
    {
        await _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteUpdateAsync(s =>
        {
            _ = setter switch
            {
                "constant" => s.SetProperty(m => m.Points, 7),
                "copy" => s.SetProperty(m => m.Region, m => m.Name),
                _ => s.SetProperty(m => m.Region, (string?)null),
            };
        });
        var request = SingleUpdate();

        Assert.DoesNotContain("$writeToken", request.ExpressionAttributeNames.Values);
        Assert.False(request.ExpressionAttributeValues?.ContainsKey(":writeToken") ?? false);
        Assert.Null(request.ReturnValuesOnConditionCheckFailure);
    }

    [Fact]
    public async Task Subtracting_from_a_number_is_SET_of_the_attribute_minus_the_value()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Rating, m => m.Rating - 0.5));

        Assert.StartsWith("SET Rating = Rating - N:0.5, ", expression);
    }

    [Fact]
    public async Task IfNotExists_is_if_not_exists_and_combines_with_addition()
    {
        var expression = await UpdateExpressionOf(s => s
            .SetProperty(m => m.Name, m => EF.Functions.IfNotExists(m.Name, "anonymous"))
            .SetProperty(m => m.Points, m => EF.Functions.IfNotExists(m.Points, 10) + 1));

        Assert.StartsWith("SET Name = if_not_exists(Name, S:anonymous), Points = if_not_exists(Points, N:10) + N:1, ", expression);
    }

    [Fact]
    public async Task ListAppend_appends_and_prepends_with_list_append()
    {
        List<string> more = ["gold"];

        var appended = await UpdateExpressionOf(s => s.SetProperty(m => m.Badges, m => EF.Functions.ListAppend(m.Badges, more)));
        Client.Requests.Clear();
        var prepended = await UpdateExpressionOf(s => s.SetProperty(m => m.Badges, m => EF.Functions.ListAppend(more, m.Badges)));

        Assert.StartsWith("SET Badges = list_append(Badges, L[S:gold]), ", appended);
        Assert.StartsWith("SET Badges = list_append(L[S:gold], Badges), ", prepended);
    }

    [Fact]
    public async Task Concat_on_a_list_is_list_append()
    {
        var more = new[] { "gold", "silver" };

        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Badges, m => m.Badges.Concat(more).ToList()));

        Assert.StartsWith("SET Badges = list_append(Badges, L[S:gold, S:silver]), ", expression);
    }

    [Fact]
    public async Task SetAdd_is_ADD_of_a_set_and_SetRemove_is_DELETE()
    {
        var expression = await UpdateExpressionOf(s => s
            .SetProperty(m => m.Roles, m => EF.Functions.SetAdd(m.Roles, new[] { "admin", "owner" })));
        Client.Requests.Clear();
        var removed = await UpdateExpressionOf(s => s
            .SetProperty(m => m.Roles, m => EF.Functions.SetRemove(m.Roles, new[] { "guest" })));

        Assert.Equal("SET Revision = if_not_exists(Revision, N:0) + N:1 ADD Roles SS[admin, owner]", expression);
        Assert.Equal("SET Revision = if_not_exists(Revision, N:0) + N:1 DELETE Roles SS[guest]", removed);
    }

    [Fact]
    public async Task SetAdd_of_no_elements_is_left_out()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Roles, m => EF.Functions.SetAdd(m.Roles, Array.Empty<string>())));

        Assert.Equal("SET Revision = if_not_exists(Revision, N:0) + N:1", expression);
    }

    [Fact]
    public async Task Setting_null_or_Remove_is_REMOVE()
    {
        string? noName = null;

        var expression = await UpdateExpressionOf(s => s
            .SetProperty(m => m.Name, (string?)null)
            .SetProperty(m => m.Region, noName)
            .SetProperty(m => m.Badges, m => EF.Functions.Remove(m.Badges)));

        Assert.Equal("SET Revision = if_not_exists(Revision, N:0) + N:1 REMOVE Name, Region, Badges", expression);
    }

    [Fact]
    public async Task Setting_an_empty_set_is_REMOVE_as_DynamoDB_has_no_empty_sets()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Roles, new HashSet<string>()));

        Assert.Equal("SET Revision = if_not_exists(Revision, N:0) + N:1 REMOVE Roles", expression);
    }

    [Fact]
    public async Task Setting_a_member_of_a_complex_value_sets_its_document_path()
    {
        var expression = await UpdateExpressionOf(s => s
            .SetProperty(m => m.Address.City, "Oslo")
            .SetProperty(m => m.Address.Floor, m => m.Address.Floor + 1));

        Assert.StartsWith("SET Address.City = S:Oslo, Address.Floor = Address.Floor + N:1, ", expression);
    }

    [Fact]
    public async Task Setting_the_row_version_yourself_replaces_the_increment()
    {
        var expression = await UpdateExpressionOf(s => s.SetProperty(m => m.Revision, 7L));

        Assert.Equal("SET Revision = N:7", expression);
    }

    [Fact]
    public async Task By_whole_key_nothing_is_read_and_the_write_is_conditioned_on_existence()
    {
        var changed = await _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 1));

        Assert.Equal(1, changed);
        var request = SingleUpdate();
        Assert.Equal(MemberKey("t", "1").ToDictionary(p => p.Key, p => p.Value.S), request.Key.ToDictionary(p => p.Key, p => p.Value.S));
        Assert.Equal("attribute_exists(Team)", Resolved(request.ConditionExpression, request));
    }

    [Fact]
    public async Task By_whole_key_the_rest_of_the_predicate_is_the_condition()
    {
        await _db.Members
            .Where(m => m.Id == "1" && m.Points > 10 && m.Team == "t" && m.Name != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 1));

        var request = SingleUpdate();
        Assert.Equal("attribute_exists(Team) AND (Points > N:10 AND (attribute_exists(Name) AND NOT attribute_type(Name, S:NULL)))", Resolved(request.ConditionExpression, request));
    }

    [Fact]
    public async Task By_whole_key_a_failed_condition_changes_nothing_and_counts_zero()
    {
        Client.ConditionFails = _ => true;

        var changed = await _db.Members.Where(m => m.Team == "t" && m.Id == "1" && m.Points > 10).ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 1));

        Assert.Equal(0, changed);
    }

    [Fact]
    public async Task By_whole_key_a_null_key_value_sends_nothing()
    {
        string? team = null;

        var changed = await _db.Members.Where(m => m.Team == team && m.Id == "1").ExecuteDeleteAsync();

        Assert.Equal(0, changed);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task ExecuteDelete_by_whole_key_is_one_conditional_DeleteItem()
    {
        var changed = await _db.Members.Where(m => m.Team == "t" && m.Id == "1" && m.Points < 3).ExecuteDeleteAsync();

        Assert.Equal(1, changed);
        var request = Assert.IsType<DeleteItemRequest>(Assert.Single(Client.Requests));
        Assert.Equal("t", request.Key["Team"].S);
        Assert.Equal("1", request.Key["Id"].S);
        Assert.Equal("attribute_exists(#n0) AND #n1 < :v0", request.ConditionExpression);
        Assert.Equal("Points", request.ExpressionAttributeNames["#n1"]);
    }

    [Fact]
    public async Task In_a_shared_table_the_write_condition_tests_the_type()
    {
        await using var db = TestContexts.Scenario(
            b =>
            {
                b.Entity<Member>(m =>
                {
                    m.ToTable("App").HasKey(x => new { x.Team, x.Id });
                    m.Property(x => x.Team).HasAttributeName("PK");
                    m.Property(x => x.Id).HasAttributeName("SK");
                    m.ComplexProperty(x => x.Address);
                });
                b.Entity<Order>(o =>
                {
                    o.ToTable("App").HasKey(x => new { x.CustomerId, x.OrderId });
                    o.Property(x => x.CustomerId).HasAttributeName("PK");
                    o.Property(x => x.OrderId).HasAttributeName("SK");
                    o.Ignore(x => x.Customer);
                });
            },
            configure: RecordingClientWrapper.Use);

        await db.Set<Member>().Where(m => m.Team == "t" && m.Id == "1").ExecuteDeleteAsync();

        var request = Assert.IsType<DeleteItemRequest>(Assert.Single(RecordingClientWrapper.Of(db).Requests));
        Assert.Equal("attribute_exists(#n0) AND #n1 = :v0", request.ConditionExpression);
        Assert.Equal("$type", request.ExpressionAttributeNames["#n1"]);
        Assert.Equal("Member", request.ExpressionAttributeValues[":v0"].S);
    }

    [Fact]
    public async Task By_partition_the_keys_are_read_with_a_Query_projecting_only_the_key()
    {
        Client.Respond = r => r is QueryRequest ? [MemberKey("t", "1"), MemberKey("t", "2")] : [];

        var changed = await _db.Members.Where(m => m.Team == "t" && m.Points > 3).ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 0));

        Assert.Equal(2, changed);
        var query = Assert.IsType<QueryRequest>(Client.Requests[0]);
        Assert.Equal("#n0 = :v0", query.KeyConditionExpression);
        Assert.Equal("#n1 > :v1", query.FilterExpression);
        Assert.Equal("#n0, #n2", query.ProjectionExpression);
        var updates = Client.Requests.Skip(1).Cast<UpdateItemRequest>().ToList();
        Assert.Equal(["1", "2"], updates.Select(u => u.Key["Id"].S).Order());
        Assert.All(updates, u => Assert.Equal("attribute_exists(Team) AND Points > N:3", Resolved(u.ConditionExpression, u)));
    }

    [Fact]
    public async Task A_write_whose_condition_fails_after_the_read_is_not_counted()
    {
        Client.Respond = r => r is QueryRequest ? [MemberKey("t", "1"), MemberKey("t", "2")] : [];
        Client.ConditionFails = r => r is UpdateItemRequest { Key: var key } && key["Id"].S == "2";

        var changed = await _db.Members.Where(m => m.Team == "t").ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, 0));

        Assert.Equal(1, changed);
    }

    [Fact]
    public async Task By_index_the_keys_are_read_with_a_Query_on_the_index()
    {
        Client.Respond = r => r is QueryRequest ? [MemberKey("t", "1")] : [];

        await _db.Members.Where(m => m.Region == "eu").ExecuteDeleteAsync();

        var query = Assert.IsType<QueryRequest>(Client.Requests[0]);
        Assert.Equal("ByRegion", query.IndexName);
        var delete = Assert.IsType<DeleteItemRequest>(Client.Requests[1]);
        Assert.Equal("attribute_exists(#n0) AND #n1 = :v0", delete.ConditionExpression);
        Assert.Equal("Region", delete.ExpressionAttributeNames["#n1"]);
    }

    [Fact]
    public async Task Otherwise_the_keys_are_read_with_a_Scan()
    {
        await _db.Members.Where(m => m.Points > 3).ExecuteDeleteAsync();

        var scan = Assert.IsType<ScanRequest>(Assert.Single(Client.Requests));
        Assert.Equal("#n0 > :v0", scan.FilterExpression);
        Assert.Equal("#n1, #n2", scan.ProjectionExpression);
    }

    [Fact]
    public async Task An_ordering_without_Take_is_ignored()
    {
        await _db.Members.Where(m => m.Team == "t").OrderBy(m => m.Name).ExecuteDeleteAsync();

        var query = Assert.IsType<QueryRequest>(Assert.Single(Client.Requests));
        Assert.Equal("#n0, #n1", query.ProjectionExpression);
    }

    [Fact]
    public async Task Take_writes_only_that_many_of_the_matching_items()
    {
        Client.Respond = r => r is QueryRequest ? [MemberKey("t", "1"), MemberKey("t", "2"), MemberKey("t", "3")] : [];

        var changed = await _db.Members.Where(m => m.Team == "t").Take(2).ExecuteDeleteAsync();

        Assert.Equal(2, changed);
        Assert.Equal(2, Client.Requests.OfType<DeleteItemRequest>().Count());
    }

    [Fact]
    public async Task A_predicate_that_is_always_false_sends_nothing()
    {
        var changed = await _db.Members.Where(m => false).ExecuteDeleteAsync();

        Assert.Equal(0, changed);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task Writes_in_flight_are_bounded_by_MaxConcurrentWrites()
    {
        await using var db = new MemberContext(TestContexts.Options<MemberContext>(d => d.MaxConcurrentWrites(3), RecordingClientWrapper.Use).Options);
        var client = RecordingClientWrapper.Of(db);
        client.Respond = r => r is QueryRequest ? Enumerable.Range(0, 50).Select(i => MemberKey("t", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList() : [];
        var inFlight = 0;
        var most = 0;
        client.WriteLatency = async _ =>
        {
            InterlockedMax(ref most, Interlocked.Increment(ref inFlight));
            await Task.Delay(5);
            Interlocked.Decrement(ref inFlight);
        };

        var changed = await db.Members.Where(m => m.Team == "t").ExecuteDeleteAsync();

        Assert.Equal(50, changed);
        Assert.Equal(3, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Fact]
    public void The_sync_forms_raise_SyncNotSupported()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteDelete());

        Assert.Contains("ExecuteDeleteAsync", exception.Message);
        Assert.Empty(Client.Requests);
    }
    private async Task<string> RefusalOf(Action<UpdateSettersBuilder<Member>> setters)
        => (await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Members.Where(m => m.Team == "t").ExecuteUpdateAsync(setters))).Message;

    [Fact]
    public async Task Setting_a_key_property_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Id, "2"));

        Assert.Contains(DynamoDbStrings.SetterTargetIsKey("Member", "Id"), message);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task Setting_a_complex_value_whole_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Address, new MemberAddress()));

        Assert.Contains(DynamoDbStrings.SetterTargetWholeStructure("Member", "Address"), message);
    }

    [Fact]
    public async Task A_value_with_no_update_expression_form_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Name, m => m.Name + "!"));

        Assert.Contains(DynamoDbStrings.SetterValueNotTranslatable("Member", "Name", "e.Name + \"!\""), message);
    }

    [Fact]
    public async Task Arithmetic_on_a_property_not_stored_as_a_plain_number_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Status, m => m.Status + 1));

        Assert.Contains(DynamoDbStrings.SetterArithmeticNeedsNumber("Member", "Status"), message);
    }

    [Fact]
    public async Task Nested_arithmetic_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Points, m => m.Points + m.Points + 1));

        Assert.Contains("has no DynamoDB update-expression form", message);
    }

    [Fact]
    public async Task ListAppend_on_a_set_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Roles, m => EF.Functions.ListAppend(m.Roles, new HashSet<string>())));

        Assert.Contains(DynamoDbStrings.SetterListAppendNeedsList("Member", "Roles"), message);
    }

    [Fact]
    public async Task SetAdd_on_a_list_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Badges, m => EF.Functions.SetAdd(m.Badges, new[] { "x" })));

        Assert.Contains(DynamoDbStrings.SetterSetFunctionNeedsSet("Member", "Badges", "SetAdd"), message);
    }

    [Fact]
    public async Task Remove_of_another_property_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Name, m => EF.Functions.Remove(m.Region)));

        Assert.Contains(DynamoDbStrings.SetterFunctionOnOtherProperty("Member", "Name", "Remove"), message);
    }

    [Fact]
    public async Task Copying_a_property_stored_as_another_type_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Rating, m => m.Points));

        Assert.Contains(DynamoDbStrings.SetterCopiesDifferentType("Member", "Rating", "Points"), message);
    }

    [Fact]
    public async Task A_constant_number_DynamoDB_cannot_store_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Rating, double.NaN));

        Assert.Contains(DynamoDbStrings.SetterValueNotStorable("Member", "Rating", DynamoDbStrings.InvalidNumber("NaN")), message);
    }

    [Fact]
    public async Task A_parameter_number_DynamoDB_cannot_store_fails_before_anything_is_written()
    {
        var rating = double.PositiveInfinity;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _db.Members.Where(m => m.Team == "t" && m.Id == "1").ExecuteUpdateAsync(s => s.SetProperty(m => m.Rating, rating)));

        Assert.Equal(DynamoDbStrings.SetterValueNotStorable("Member", "Rating", DynamoDbStrings.InvalidNumber("Infinity")), exception.Message);
        Assert.Empty(Client.Requests);
    }

    [Fact]
    public async Task Setting_a_property_twice_is_refused()
    {
        var message = await RefusalOf(s => s.SetProperty(m => m.Points, 1).SetProperty(m => m.Points, 2));

        Assert.Contains(DynamoDbStrings.SetterTargetTwice("Member", "Points"), message);
    }

    [Fact]
    public async Task ExecuteDelete_after_a_projection_is_refused()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Members.Select(m => m.Name).ExecuteDeleteAsync());

        Assert.Contains(DynamoDbStrings.ExecuteOnNonEntity("ExecuteDelete"), exception.Message);
    }

    [Fact]
    public void The_update_functions_throw_outside_a_query()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => EF.Functions.SetAdd(new HashSet<string>(), ["a"]));

        Assert.Equal(DynamoDbStrings.UpdateFunctionOnClient("SetAdd"), exception.Message);
    }
}
