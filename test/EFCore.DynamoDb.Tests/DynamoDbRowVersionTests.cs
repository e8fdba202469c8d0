using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Tests.TestModels;
using EFCore.DynamoDb.Tests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// Row versions (<c>IsRowVersion()</c>): an integer the provider sets to 1 on add and increments on every update,
/// conditioning the write on the original, as DynamoDBContext's <c>[DynamoDBVersion]</c> does.
/// </summary>
public class DynamoDbRowVersionTests
{
    private static ScenarioContext Versioned([System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
        => TestContexts.Scenario(
            b => b.Entity<Ticket>(t =>
            {
                t.Property(e => e.Version).IsRowVersion().HasAttributeName("ver");
                t.Ignore(e => e.Stamp);
                t.Ignore(e => e.Holder);
                t.Ignore(e => e.Holders);
            }),
            scenario: nameof(DynamoDbRowVersionTests) + ".Versioned");

    private static string ModelError(Action<ModelBuilder> buildModel, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        using var db = TestContexts.Scenario(buildModel, scenario: nameof(DynamoDbRowVersionTests) + "." + scenario);
        return Assert.Throws<InvalidOperationException>(() => db.Model).Message;
    }

    private static Ticket Attached(DbContext db)
    {
        var ticket = new Ticket { Id = "t1", Seats = 2, Version = 4 };
        db.Attach(ticket);
        return ticket;
    }

    [Fact]
    public void An_added_entity_stores_version_1_whatever_it_held()
    {
        using var db = Versioned();
        var ticket = new Ticket { Id = "t1", Version = 9 };
        db.Add(ticket);

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("1", command.KeyOrItem["ver"].N);
        Assert.Equal("attribute_not_exists(#n0)", command.ConditionExpression);
    }

    [Fact]
    public void An_update_sets_the_original_version_plus_one_and_is_conditioned_on_the_original()
    {
        using var db = Versioned();
        var ticket = Attached(db);
        ticket.Seats = 3;

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("SET Seats = :v, ver = :v", WriteCommands.ReadableUpdate(command));
        Assert.Equal(["3", "5", "4"], command.Values!.Values.Select(v => v.N));
        Assert.Equal("attribute_exists(#n0) AND #n2 = :v2", command.ConditionExpression);
        Assert.Equal("ver", command.Names["#n2"]);
        Assert.Equal(5L, db.Entry(ticket).Property(t => t.Version).CurrentValue);
    }

    [Fact]
    public void A_version_the_application_changed_is_replaced_by_the_original_plus_one()
    {
        using var db = Versioned();
        var ticket = Attached(db);
        ticket.Seats = 3;
        ticket.Version = 100;

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("SET Seats = :v, ver = :v", WriteCommands.ReadableUpdate(command));
        Assert.Contains(command.Values!.Values, v => v.N == "5");
        Assert.DoesNotContain(command.Values.Values, v => v.N == "100");
    }

    [Fact]
    public void A_delete_is_conditioned_on_the_original_version()
    {
        using var db = Versioned();
        var ticket = Attached(db);
        db.Remove(ticket);

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal(DynamoDbWriteOperation.Delete, command.Operation);
        Assert.Equal("attribute_exists(#n0) AND #n1 = :v0", command.ConditionExpression);
        Assert.Equal("4", command.Values![":v0"].N);
    }

    [Fact]
    public void An_unchanged_entity_writes_nothing_and_keeps_its_version()
    {
        using var db = Versioned();
        var ticket = Attached(db);

        Assert.Null(WriteCommands.Of(db, ticket));
        Assert.Equal(4, ticket.Version);
    }

    [Fact]
    public void A_binary_row_version_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.RowVersionNotInteger("Ticket", "Stamp", "byte[]"),
            ModelError(b => b.Entity<Ticket>(t =>
            {
                t.Property(e => e.Stamp).IsRowVersion();
                t.Ignore(e => e.Holder);
                t.Ignore(e => e.Holders);
            })));

    [Fact]
    public void A_string_row_version_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.RowVersionNotInteger("Ticket", "Code", "string"),
            ModelError(b => b.Entity<Ticket>(t =>
            {
                t.Property(e => e.Code).IsRowVersion();
                t.Ignore(e => e.Stamp);
                t.Ignore(e => e.Holder);
                t.Ignore(e => e.Holders);
            })));

    [Fact]
    public void A_row_version_in_an_owned_reference_moves_on_when_the_owned_entity_changes_and_conditions_the_owners_write()
    {
        using var db = OwnedVersioned();
        var ticket = new Ticket { Id = "t1", Seats = 2, Holder = new TicketHolder { Name = "Ann", Revision = 4 } };
        db.Attach(ticket);
        ticket.Holder.Name = "Bob";

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("SET Holder.Name = :v, Holder.Revision = :v", WriteCommands.ReadableUpdate(command));
        Assert.Equal("attribute_exists(Id) AND Holder.Revision = :v", WriteCommands.Readable(command.ConditionExpression!, command));
        Assert.Equal(["4", "5"], command.Values!.Values.Select(v => v.N).Where(n => n is not null).Order());
        Assert.Equal(5, db.Entry(ticket.Holder!).Property(h => h.Revision).CurrentValue);
    }

    [Fact]
    public void A_row_version_in_an_owned_reference_conditions_a_change_of_the_owner_only_and_stays()
    {
        using var db = OwnedVersioned();
        var ticket = new Ticket { Id = "t1", Seats = 2, Holder = new TicketHolder { Name = "Ann", Revision = 4 } };
        db.Attach(ticket);
        ticket.Seats = 3;

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("SET Seats = :v", WriteCommands.ReadableUpdate(command));
        Assert.Contains(" AND ", command.ConditionExpression, StringComparison.Ordinal);
        Assert.Equal(4, ticket.Holder.Revision);
    }

    [Fact]
    public void A_new_owned_entity_stores_version_1()
    {
        using var db = OwnedVersioned();
        var ticket = new Ticket { Id = "t1", Holder = new TicketHolder { Name = "Ann", Revision = 9 } };
        db.Add(ticket);

        var command = WriteCommands.Of(db, ticket)!;

        Assert.Equal("1", command.KeyOrItem["Holder"].M["Revision"].N);
        Assert.Equal(1, db.Entry(ticket.Holder).Property(h => h.Revision).CurrentValue);
    }

    [Fact]
    public void A_concurrency_token_in_an_owned_collection_is_an_error()
        => Assert.Equal(
            DynamoDbStrings.ConcurrencyTokenInOwnedCollection("TicketHolder", "Revision", "Holders"),
            ModelError(b => b.Entity<Ticket>(t =>
            {
                t.Ignore(e => e.Stamp);
                t.Ignore(e => e.Holder);
                t.OwnsMany(e => e.Holders, h => h.Property(x => x.Revision).IsConcurrencyToken());
            })));

    private static ScenarioContext OwnedVersioned()
        => TestContexts.Scenario(
            b => b.Entity<Ticket>(t =>
            {
                t.Ignore(e => e.Stamp);
                t.Ignore(e => e.Holders);
                t.OwnsOne(e => e.Holder, h => h.Property(x => x.Revision).IsRowVersion());
            }),
            scenario: nameof(DynamoDbRowVersionTests) + ".OwnedVersioned");
}
