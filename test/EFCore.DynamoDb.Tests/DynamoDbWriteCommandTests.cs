using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>The conditional write each changed entity becomes, built without sending it.</summary>
public sealed class DynamoDbWriteCommandTests : IDisposable
{
    private static readonly DateTime PlacedAt = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private readonly ShopContext _db = TestContexts.Shop();

    public void Dispose() => _db.Dispose();

    private DynamoDbWriteCommand? Command(DbContext db, object entity)
        => db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(entity).GetInfrastructure());

    private DynamoDbWriteCommand Command(object entity) => Command(_db, entity)!;

    private static Order NewOrder() => new()
    {
        CustomerId = "c1",
        OrderId = "o1",
        Total = 12.50m,
        Status = OrderStatus.Shipped,
        Quantity = 2,
        Note = "fragile",
        IsGift = true,
        PlacedAt = PlacedAt,
    };

    private Order AttachedOrder()
    {
        var order = NewOrder();
        _db.Attach(order);
        return order;
    }

    [Fact]
    public void An_added_entity_is_a_Put_of_the_whole_item()
    {
        var order = NewOrder();
        _db.Add(order);

        var command = Command(order);

        Assert.Equal(DynamoDbWriteOperation.Put, command.Operation);
        Assert.Equal("Orders", command.TableName);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CustomerId"] = "S:c1",
                ["OrderId"] = "S:o1",
                ["Total"] = "N:12.50",
                ["Status"] = "N:1",
                ["Quantity"] = "N:2",
                ["Note"] = "S:fragile",
                ["IsGift"] = "BOOL:true",
                ["PlacedAt"] = "S:2024-05-06T07:08:09.0000000Z",
            },
            AttributeValues.Describe(command.KeyOrItem));
        Assert.Null(command.UpdateExpression);
        Assert.Same(_db.Entry(order).GetInfrastructure(), command.Entry);
    }

    [Fact]
    public void A_Put_must_not_overwrite_an_existing_item()
    {
        var order = NewOrder();
        _db.Add(order);

        var command = Command(order);

        Assert.Equal("attribute_not_exists(#n0)", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, command.Names);
        Assert.Null(command.Values);
    }

    [Fact]
    public void A_Put_omits_null_properties()
    {
        var order = NewOrder();
        order.Quantity = null;
        order.Note = null;
        _db.Add(order);

        var command = Command(order);

        Assert.Equal(["CustomerId", "IsGift", "OrderId", "PlacedAt", "Status", "Total"], command.KeyOrItem.Keys.Order());
    }

    [Fact]
    public void A_Put_keeps_an_empty_string()
    {
        var order = NewOrder();
        order.Note = "";
        _db.Add(order);

        Assert.Equal("S:", AttributeValues.Describe(Command(order).KeyOrItem["Note"]));
    }

    [Fact]
    public void A_Put_writes_the_generated_Guid_key_in_D_format()
    {
        var account = new Account { Email = "a@example.com", Version = 1 };
        _db.Add(account);

        var command = Command(account);

        Assert.Equal("S:" + account.Id.ToString("D"), AttributeValues.Describe(command.KeyOrItem["Id"]));
        Assert.Equal("attribute_not_exists(#n0)", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Id" }, command.Names);
    }

    [Fact]
    public void A_Put_of_an_entity_with_a_concurrency_token_is_conditioned_only_on_the_key()
    {
        var account = new Account { Email = "a@example.com", Version = 3 };
        _db.Add(account);

        var command = Command(account);

        Assert.Equal("attribute_not_exists(#n0)", command.ConditionExpression);
        Assert.Null(command.Values);
    }

    [Fact]
    public void A_Put_uses_attribute_names()
    {
        using var db = TestContexts.Scenario(b =>
        {
            b.Entity<Product>().Property(p => p.Id).HasAttributeName("pk");
            b.Entity<Product>().Property(p => p.Name).HasAttributeName("n");
        });
        var product = new Product { Id = 5, Name = "pen", Stock = 3 };
        db.Add(product);

        var command = Command(db, product)!;

        Assert.Equal(new Dictionary<string, string> { ["pk"] = "N:5", ["n"] = "S:pen", ["Stock"] = "N:3" }, AttributeValues.Describe(command.KeyOrItem));
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "pk" }, command.Names);
    }

    [Fact]
    public void A_Put_writes_an_enum_converted_to_string_as_its_name()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Order>(o =>
        {
            o.HasKey(x => new { x.CustomerId, x.OrderId });
            o.Property(x => x.Status).HasConversion<string>();
            o.Ignore(x => x.Customer);
        }));
        var order = NewOrder();
        db.Add(order);

        Assert.Equal("S:Shipped", AttributeValues.Describe(Command(db, order)!.KeyOrItem["Status"]));
    }

    [Fact]
    public void A_Put_request_carries_the_item_and_its_condition()
    {
        var order = NewOrder();
        _db.Add(order);
        var command = Command(order);

        var request = Assert.IsType<PutItemRequest>(command.CreateRequest());

        Assert.Equal("Orders", request.TableName);
        Assert.Same(command.KeyOrItem, request.Item);
        Assert.Equal("attribute_not_exists(#n0)", request.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, request.ExpressionAttributeNames);
        Assert.Null(request.ExpressionAttributeValues);
    }

    [Fact]
    public void A_Put_transaction_action_carries_the_item_and_its_condition()
    {
        var order = NewOrder();
        _db.Add(order);
        var command = Command(order);

        var action = command.CreateTransactItem();

        Assert.Null(action.Update);
        Assert.Null(action.Delete);
        Assert.Equal("Orders", action.Put.TableName);
        Assert.Same(command.KeyOrItem, action.Put.Item);
        Assert.Equal("attribute_not_exists(#n0)", action.Put.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, action.Put.ExpressionAttributeNames);
        Assert.Null(action.Put.ExpressionAttributeValues);
    }

    [Fact]
    public void A_modified_entity_is_an_Update_of_the_changed_attribute_only()
    {
        var order = AttachedOrder();
        order.Total = 20m;
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);

        Assert.Equal(DynamoDbWriteOperation.Update, command.Operation);
        Assert.Equal("Orders", command.TableName);
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, AttributeValues.Describe(command.KeyOrItem));
        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Total" }, command.Names);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:20" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void An_Update_must_find_the_item()
    {
        var order = AttachedOrder();
        order.Total = 20m;
        _db.ChangeTracker.DetectChanges();

        Assert.Equal("attribute_exists(#n0)", Command(order).ConditionExpression);
    }

    [Fact]
    public void An_Update_sets_every_changed_attribute()
    {
        var order = AttachedOrder();
        order.Total = 20m;
        order.Status = OrderStatus.Delivered;
        order.IsGift = false;
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);

        Assert.Equal("SET #n1 = :v0, #n2 = :v1, #n3 = :v2", command.UpdateExpression);
        Assert.Equal(
            new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "IsGift", ["#n2"] = "Status", ["#n3"] = "Total" },
            command.Names);
        Assert.Equal(
            new Dictionary<string, string> { [":v0"] = "BOOL:false", [":v1"] = "N:2", [":v2"] = "N:20" },
            AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void An_Update_to_null_removes_the_attribute()
    {
        var order = AttachedOrder();
        order.Note = null;
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);

        Assert.Equal("REMOVE #n1", command.UpdateExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Note" }, command.Names);
        Assert.Null(command.Values);
    }

    [Fact]
    public void An_Update_sets_new_values_and_removes_nulls_in_one_expression()
    {
        var order = AttachedOrder();
        order.Note = null;
        order.Quantity = null;
        order.Total = 1m;
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);

        Assert.Equal("SET #n3 = :v0 REMOVE #n1, #n2", command.UpdateExpression);
        Assert.Equal(
            new Dictionary<string, string> { ["#n0"] = "CustomerId", ["#n1"] = "Note", ["#n2"] = "Quantity", ["#n3"] = "Total" },
            command.Names);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:1" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void An_Update_from_null_sets_the_attribute()
    {
        var order = NewOrder();
        order.Note = null;
        _db.Attach(order);
        order.Note = "new";
        _db.ChangeTracker.DetectChanges();

        var command = Command(order);

        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:new" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void An_entity_marked_Modified_sets_every_non_key_attribute_and_removes_its_nulls()
    {
        var order = NewOrder();
        order.Note = null;
        _db.Update(order);

        var command = Command(order);

        Assert.Equal("SET #n1 = :v0, #n3 = :v1, #n4 = :v2, #n5 = :v3, #n6 = :v4 REMOVE #n2", command.UpdateExpression);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["#n0"] = "CustomerId",
                ["#n1"] = "IsGift",
                ["#n2"] = "Note",
                ["#n3"] = "PlacedAt",
                ["#n4"] = "Quantity",
                ["#n5"] = "Status",
                ["#n6"] = "Total",
            },
            command.Names);
    }

    [Fact]
    public void An_unchanged_entity_has_no_command()
    {
        var order = AttachedOrder();

        Assert.Null(Command(_db, order));
    }

    [Fact]
    public void An_Update_with_a_concurrency_token_is_conditioned_on_its_original_value()
    {
        var account = new Account { Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Email = "a@example.com", Version = 3 };
        _db.Attach(account);
        account.DisplayName = "Ada";
        _db.ChangeTracker.DetectChanges();

        var command = Command(account);

        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal("attribute_exists(#n0) AND #n2 = :v1", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Id", ["#n1"] = "DisplayName", ["#n2"] = "Version" }, command.Names);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "S:Ada", [":v1"] = "N:3" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void An_Update_of_the_concurrency_token_sets_the_new_value_on_the_original_condition()
    {
        var account = new Account { Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Email = "a@example.com", Version = 3 };
        _db.Attach(account);
        account.Version = 4;
        _db.ChangeTracker.DetectChanges();

        var command = Command(account);

        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal("attribute_exists(#n0) AND #n1 = :v1", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Id", ["#n1"] = "Version" }, command.Names);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:4", [":v1"] = "N:3" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void A_null_original_concurrency_token_is_conditioned_on_its_absence()
    {
        using var db = TestContexts.Scenario(b => b.Entity<Product>().Property(p => p.Status).IsConcurrencyToken());
        var product = new Product { Id = 1, Name = "pen", Status = null };
        db.Attach(product);
        product.Status = "active";
        db.ChangeTracker.DetectChanges();

        var command = Command(db, product)!;

        Assert.Equal("SET #n1 = :v0", command.UpdateExpression);
        Assert.Equal("attribute_exists(#n0) AND attribute_not_exists(#n1)", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Id", ["#n1"] = "Status" }, command.Names);
    }

    [Fact]
    public void An_Update_request_carries_key_expressions_and_values()
    {
        var order = AttachedOrder();
        order.Total = 20m;
        _db.ChangeTracker.DetectChanges();
        var command = Command(order);

        var request = Assert.IsType<UpdateItemRequest>(command.CreateRequest());

        Assert.Equal("Orders", request.TableName);
        Assert.Same(command.KeyOrItem, request.Key);
        Assert.Equal("SET #n1 = :v0", request.UpdateExpression);
        Assert.Equal("attribute_exists(#n0)", request.ConditionExpression);
        Assert.Same(command.Names, request.ExpressionAttributeNames);
        Assert.Same(command.Values, request.ExpressionAttributeValues);
    }

    [Fact]
    public void An_Update_transaction_action_carries_key_expressions_and_values()
    {
        var order = AttachedOrder();
        order.Total = 20m;
        _db.ChangeTracker.DetectChanges();
        var command = Command(order);

        var action = command.CreateTransactItem();

        Assert.Null(action.Put);
        Assert.Null(action.Delete);
        Assert.Equal("Orders", action.Update.TableName);
        Assert.Same(command.KeyOrItem, action.Update.Key);
        Assert.Equal("SET #n1 = :v0", action.Update.UpdateExpression);
        Assert.Equal("attribute_exists(#n0)", action.Update.ConditionExpression);
        Assert.Same(command.Names, action.Update.ExpressionAttributeNames);
        Assert.Same(command.Values, action.Update.ExpressionAttributeValues);
    }

    [Fact]
    public void A_deleted_entity_is_a_Delete_of_its_key()
    {
        var order = AttachedOrder();
        _db.Remove(order);

        var command = Command(order);

        Assert.Equal(DynamoDbWriteOperation.Delete, command.Operation);
        Assert.Equal("Orders", command.TableName);
        Assert.Equal(new Dictionary<string, string> { ["CustomerId"] = "S:c1", ["OrderId"] = "S:o1" }, AttributeValues.Describe(command.KeyOrItem));
        Assert.Null(command.UpdateExpression);
    }

    [Fact]
    public void A_Delete_must_find_the_item()
    {
        var order = AttachedOrder();
        _db.Remove(order);

        var command = Command(order);

        Assert.Equal("attribute_exists(#n0)", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, command.Names);
        Assert.Null(command.Values);
    }

    [Fact]
    public void A_Delete_with_a_concurrency_token_is_conditioned_on_its_original_value()
    {
        var account = new Account { Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Email = "a@example.com", Version = 9 };
        _db.Attach(account);
        _db.Remove(account);

        var command = Command(account);

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "S:0f8fad5b-d9cb-469f-a165-70867728950e" }, AttributeValues.Describe(command.KeyOrItem));
        Assert.Equal("attribute_exists(#n0) AND #n1 = :v0", command.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Id", ["#n1"] = "Version" }, command.Names);
        Assert.Equal(new Dictionary<string, string> { [":v0"] = "N:9" }, AttributeValues.Describe(command.Values));
    }

    [Fact]
    public void A_Delete_request_carries_the_key_and_its_condition()
    {
        var order = AttachedOrder();
        _db.Remove(order);
        var command = Command(order);

        var request = Assert.IsType<DeleteItemRequest>(command.CreateRequest());

        Assert.Equal("Orders", request.TableName);
        Assert.Same(command.KeyOrItem, request.Key);
        Assert.Equal("attribute_exists(#n0)", request.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, request.ExpressionAttributeNames);
        Assert.Null(request.ExpressionAttributeValues);
    }

    [Fact]
    public void A_Delete_transaction_action_carries_the_key_and_its_condition()
    {
        var order = AttachedOrder();
        _db.Remove(order);
        var command = Command(order);

        var action = command.CreateTransactItem();

        Assert.Null(action.Put);
        Assert.Null(action.Update);
        Assert.Equal("Orders", action.Delete.TableName);
        Assert.Same(command.KeyOrItem, action.Delete.Key);
        Assert.Equal("attribute_exists(#n0)", action.Delete.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "CustomerId" }, action.Delete.ExpressionAttributeNames);
    }

    [Fact]
    public void A_Delete_of_an_int_keyed_entity_sends_a_number_key()
    {
        var product = new Product { Id = 7, Name = "pen" };
        _db.Attach(product);
        _db.Remove(product);

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "N:7" }, AttributeValues.Describe(Command(product).KeyOrItem));
    }
}
