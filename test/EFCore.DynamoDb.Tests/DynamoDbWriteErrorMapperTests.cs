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

    [Fact]
    public void A_failed_Update_condition_is_a_concurrency_failure()
    {
        var command = Modified();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(command, new ConditionalCheckFailedException("failed")));

        Assert.Equal(DynamoDbStrings.UpdateConcurrencyFailure("Order", HiddenKey, "Orders", "update"), exception.Message);
        Assert.Same(command.Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_failed_Delete_condition_is_a_concurrency_failure()
    {
        var command = Deleted();

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(command, new ConditionalCheckFailedException("failed")));

        Assert.Equal(DynamoDbStrings.UpdateConcurrencyFailure("Order", HiddenKey, "Orders", "delete"), exception.Message);
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

        var exception = Assert.IsType<DbUpdateConcurrencyException>(Mapper(_db).Map(commands, Canceled("None", "ConditionalCheckFailed", "None")));

        Assert.Equal(DynamoDbStrings.UpdateConcurrencyFailure("Order", HiddenKey, "Orders", "update"), exception.Message);
        Assert.Same(commands[1].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_cancelled_transaction_with_a_failed_Put_is_a_duplicate_key()
    {
        var commands = new[] { Added("o1"), Added("o2") };

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, Canceled("None", "ConditionalCheckFailed")));

        Assert.Equal(DynamoDbStrings.DuplicateKey("Order", HiddenKey, "Orders"), exception.Message);
        Assert.Same(commands[1].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_transaction_cancelled_for_another_reason_names_the_reason_and_the_entry()
    {
        var commands = new[] { Added("o1"), Added("o2") };

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, Canceled("TransactionConflict", "None")));

        Assert.Equal(
            DynamoDbStrings.TransactionCanceled("'Order' " + HiddenKey + ": TransactionConflict TransactionConflict happened"),
            exception.Message);
        Assert.Same(commands[0].Entry, Assert.Single(exception.Entries).GetInfrastructure());
    }

    [Fact]
    public void A_transaction_that_failed_without_reasons_names_every_entry()
    {
        var commands = new[] { Added("o1"), Added("o2") };
        var failure = new AmazonDynamoDBException("Throughput exceeds the current capacity");

        var exception = Assert.IsType<DbUpdateException>(Mapper(_db).Map(commands, failure));

        Assert.Equal(
            DynamoDbStrings.WriteFailed("TransactWriteItems", "'Order' " + HiddenKey + ", 'Order' " + HiddenKey, "Throughput exceeds the current capacity"),
            exception.Message);
        Assert.Equal(2, exception.Entries.Count);
    }
}
