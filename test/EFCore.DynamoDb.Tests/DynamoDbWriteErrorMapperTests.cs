using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests;

/// <summary>How DynamoDB's write failures become EF exceptions that name the entries at fault.</summary>
public sealed class DynamoDbWriteErrorMapperTests : IDisposable
{
    private const string HiddenKey = "{CustomerId, OrderId} (enable sensitive data logging to see the values)";
    private readonly ShopContext _db = TestContexts.Shop(sensitiveDataLogging: false);

    public void Dispose() => _db.Dispose();

    private DynamoDbWriteErrorMapper Mapper(DbContext db) => db.GetService<DynamoDbWriteErrorMapper>();

    private DynamoDbWriteCommand Command(DbContext db, object entity)
        => db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(entity).GetInfrastructure())!;

    private DynamoDbWriteCommand Added(string orderId = "o1")
    {
        var order = new Order { CustomerId = "c1", OrderId = orderId };
        _db.Add(order);
        return Command(_db, order);
    }

    private DynamoDbWriteCommand Modified(string orderId = "o1")
    {
        var order = new Order { CustomerId = "c1", OrderId = orderId };
        _db.Attach(order);
        order.Total = 3;
        _db.ChangeTracker.DetectChanges();
        return Command(_db, order);
    }

    private DynamoDbWriteCommand Deleted(string orderId = "o1")
    {
        var order = new Order { CustomerId = "c1", OrderId = orderId };
        _db.Attach(order);
        _db.Remove(order);
        return Command(_db, order);
    }

    private static TransactionCanceledException Canceled(params string[] codes)
        => new("Transaction cancelled") { CancellationReasons = codes.Select(c => new CancellationReason { Code = c, Message = c + " happened" }).ToList() };

    [Fact]
    public void A_failed_Put_condition_is_a_duplicate_key()
    {
        var command = Added();
        var failure = new ConditionalCheckFailedException("The conditional request failed");

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(command, failure));

        Assert.Equal(DynamoDbStrings.DuplicateKey("Order", HiddenKey, "Orders"), exception.Message);
        Assert.Same(failure, exception.InnerException);
        Assert.Same(command.Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    private static Dictionary<string, AttributeValue> StoredItem() => new() { ["CustomerId"] = new AttributeValue { S = "c1" } };

    [Fact]
    public void A_failed_Update_condition_without_a_stored_item_is_a_concurrency_failure_for_a_missing_item()
    {
        var command = Modified();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(command, new ConditionalCheckFailedException("failed")));

        Assert.Equal(DynamoDbStrings.ItemMissing("Order", HiddenKey, "Orders", "update"), exception.Message);
        Assert.Same(command.Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_failed_Update_condition_with_the_stored_item_returned_is_a_changed_concurrency_token()
    {
        var command = Modified();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(
            Mapper(_db).Map(command, new ConditionalCheckFailedException("failed") { Item = StoredItem() }));

        Assert.Equal(DynamoDbStrings.ConcurrencyTokenChanged("Order", HiddenKey, "Orders", "update", ""), exception.Message);
        Assert.Same(command.Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_failed_Delete_condition_is_a_concurrency_failure()
    {
        var command = Deleted();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(command, new ConditionalCheckFailedException("failed")));

        Assert.Equal(DynamoDbStrings.ItemMissing("Order", HiddenKey, "Orders", "delete"), exception.Message);
    }

    [Fact]
    public void Key_values_are_shown_only_with_sensitive_data_logging()
    {
        using var db = TestContexts.Shop();
        var order = new Order { CustomerId = "c1", OrderId = "o1" };
        db.Add(order);

        var exception = Mapper(db).Map(Command(db, order), new ConditionalCheckFailedException("failed"));

        Assert.Equal(DynamoDbStrings.DuplicateKey("Order", "{CustomerId: 'c1', OrderId: 'o1'}", "Orders"), exception.Message);
    }

    [Fact]
    public void Another_DynamoDB_error_is_a_DbUpdateException_naming_the_operation_and_entity()
    {
        var command = Added();
        var failure = new AmazonDynamoDBException("Item size has exceeded the maximum allowed size");

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(command, failure));

        Assert.Equal(DynamoDbStrings.WriteFailed("Put", "'Order' " + HiddenKey, "Item size has exceeded the maximum allowed size"), exception.Message);
        Assert.Same(failure, exception.InnerException);
    }

    [Fact]
    public void An_error_that_is_not_from_DynamoDB_is_left_as_it_is()
    {
        var failure = new TimeoutException("slow");

        Assert.Same(failure, Mapper(_db).Map(Added(), failure));
    }

    [Fact]
    public void A_cancelled_transaction_names_only_the_entries_whose_condition_failed()
    {
        var commands = new[] { Added("o1"), Modified("o2"), Deleted("o3") };

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(commands, [], Canceled("None", "ConditionalCheckFailed", "None")));

        Assert.Equal(DynamoDbStrings.ItemMissing("Order", HiddenKey, "Orders", "update") + " " + DynamoDbStrings.TransactionNothingWritten, exception.Message);
        Assert.Same(commands[1].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_cancelled_transaction_with_a_failed_Put_is_a_duplicate_key()
    {
        var commands = new[] { Added("o1"), Added("o2") };

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, [], Canceled("None", "ConditionalCheckFailed")));

        Assert.Equal(DynamoDbStrings.DuplicateKey("Order", HiddenKey, "Orders") + " " + DynamoDbStrings.TransactionNothingWritten, exception.Message);
        Assert.Same(commands[1].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_transaction_cancelled_for_another_reason_names_the_reason_and_the_entry()
    {
        var commands = new[] { Added("o1"), Added("o2") };

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, [], Canceled("TransactionConflict", "None")));

        Assert.Equal(
            DynamoDbStrings.WriteRejected("'Order' " + HiddenKey, "TransactionConflict", "TransactionConflict happened") + " " + DynamoDbStrings.TransactionNothingWritten,
            exception.Message);
        Assert.Same(commands[0].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_transaction_that_failed_without_reasons_names_every_entry()
    {
        var commands = new[] { Added("o1"), Added("o2") };
        var failure = new AmazonDynamoDBException("Throughput exceeds the current capacity");

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, [], failure));

        Assert.Equal(
            DynamoDbStrings.WriteFailed("TransactWriteItems", "'Order' " + HiddenKey + ", 'Order' " + HiddenKey, "Throughput exceeds the current capacity"),
            exception.Message);
        Assert.Equal(2, exception.Entries.Count);
    }

    [Fact]
    public void A_cancelled_transaction_with_conflicts_and_a_missing_item_names_each_entry_with_its_reason()
    {
        var commands = new[] { Modified("o1"), Deleted("o2"), Added("o3") };
        var canceled = Canceled("ConditionalCheckFailed", "ConditionalCheckFailed", "None");
        canceled.CancellationReasons[0].Item = StoredItem();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(commands, [], canceled));

        Assert.Equal(
            DynamoDbStrings.SeveralWritesFailed(
                2,
                "(1) " + DynamoDbStrings.ConcurrencyTokenChanged("Order", HiddenKey, "Orders", "update", "")
                + " (2) " + DynamoDbStrings.ItemMissing("Order", HiddenKey, "Orders", "delete"))
            + " " + DynamoDbStrings.TransactionNothingWritten,
            exception.Message);
        Assert.Equal([commands[0].Entry, commands[1].Entry], exception.Entries.Select(e => e.GetInfrastructure()));
    }

    [Fact]
    public void A_duplicate_and_a_conflict_together_are_a_DbUpdateException_naming_both()
    {
        var commands = new[] { Added("o1"), Modified("o2") };

        var exception = Mapper(_db).Map(commands, [], Canceled("ConditionalCheckFailed", "ConditionalCheckFailed"));

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Equal(2, Assert.IsType<DbUpdateException>(exception).Entries.Count);
    }

    [Fact]
    public void A_failed_condition_check_is_a_DbUpdateException_naming_the_check_and_no_entry()
    {
        var commands = new[] { Modified("o1") };
        _db.Database.AddConditionCheck<Order>(new object[] { "c1", "o9" }, o => o.Total > 5);
        var checks = _db.GetService<DynamoDbConditionChecks>().Pending;

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, checks, Canceled("None", "ConditionalCheckFailed")));

        Assert.Equal(DynamoDbStrings.ConditionCheckFailed("Order", HiddenKey, "Orders", itemExists: false) + " " + DynamoDbStrings.TransactionNothingWritten, exception.Message);
        Assert.Empty(exception.Entries);
    }

    [Fact]
    public void Independent_write_failures_say_how_many_others_were_written()
    {
        var command = Modified("o1");
        var failure = Mapper(_db).Classify(command, new ConditionalCheckFailedException("failed"));

        var exception = Mapper(_db).Create([failure], new ConditionalCheckFailedException("failed"), DynamoDbWriteOutcome.Independent, writtenCount: 7);

        Assert.Equal(DynamoDbStrings.ItemMissing("Order", HiddenKey, "Orders", "update") + " " + DynamoDbStrings.IndependentWritesOutcome(7), exception.Message);
    }
}
