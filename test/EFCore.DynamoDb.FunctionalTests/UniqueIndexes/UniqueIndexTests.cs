using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.UniqueIndexes;

/// <summary>
/// Unique indexes enforced with guard items against DynamoDB Local: the raw guard items written, moved and deleted,
/// duplicates rejected with nothing written, and two contexts racing for one value.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class UniqueIndexTests(UniqueIndexFixture fixture) : IClassFixture<UniqueIndexFixture>
{
    private const string GuardTable = "EFUniqueIndexGuards";

    private string UserNameGuard(string userName) => fixture.TableName("Members") + "\u001fUserName\u001fS" + userName.Length + ":" + userName;

    private string Owner(int id) => fixture.TableName("Members") + "\u001fN:" + id;

    private Task<Dictionary<string, AttributeValue>?> RawGuardAsync(string guard) => fixture.GetRawItemAsync(GuardTable, ("guard", Attr.S(guard)));

    private Task<Dictionary<string, AttributeValue>?> RawMemberAsync(int id) => fixture.GetRawItemAsync("Members", ("Id", Attr.N(id)));

    private async Task AddAsync(Member member)
    {
        await using var context = fixture.CreateContext();
        context.Members.Add(member);
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task An_insert_writes_one_guard_per_unique_value_in_one_transaction()
    {
        var log = new RequestLog();
        await using var context = fixture.CreateContext(log);
        context.Members.Add(new Member { Id = 101, UserName = "ins-ann", Tenant = "t1", Email = "ins@x" });

        await context.SaveChangesAsync();

        Assert.Equal(["TransactWriteItems"], log.Operations);
        var guard = (await RawGuardAsync(UserNameGuard("ins-ann")))!;
        Assert.Equal(Owner(101), guard["owner"].S);
        var composite = (await RawGuardAsync(fixture.TableName("Members") + "\u001fTenant,Email\u001fS2:t1S5:ins@x"))!;
        Assert.Equal(Owner(101), composite["owner"].S);
        Assert.Equal("1", (await RawMemberAsync(101))!["Version"].N);
    }

    [Fact]
    public async Task A_duplicate_is_a_DbUpdateException_naming_the_index_and_nothing_is_written()
    {
        await AddAsync(new Member { Id = 111, UserName = "dup-ann" });
        await using var context = fixture.CreateContext();
        context.Members.Add(new Member { Id = 112, UserName = "dup-ann", Tenant = "t1", Email = "dup@x" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Equal(
            DynamoDbStrings.UniqueIndexDuplicate("Member", "'UserNameIndex' {UserName}", inSave: false) + " " + DynamoDbStrings.TransactionNothingWritten,
            exception.Message);
        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Null(await RawMemberAsync(112));
        Assert.Null(await RawGuardAsync(fixture.TableName("Members") + "\u001fTenant,Email\u001fS2:t1S5:dup@x"));
        Assert.Equal(Owner(111), (await RawGuardAsync(UserNameGuard("dup-ann")))!["owner"].S);
    }

    [Fact]
    public async Task With_sensitive_data_logging_the_duplicate_message_shows_the_value()
    {
        await AddAsync(new Member { Id = 121, UserName = "sens-ann" });
        await using var context = fixture.CreateContext(configure: o => o.EnableSensitiveDataLogging());
        context.Members.Add(new Member { Id = 122, UserName = "sens-ann" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.StartsWith(DynamoDbStrings.UniqueIndexDuplicateSensitive("Member", "'UserNameIndex' {UserName}", "{UserName: 'sens-ann'}", inSave: false), exception.Message);
    }

    [Fact]
    public async Task An_update_moves_the_guard_and_a_delete_removes_it()
    {
        await AddAsync(new Member { Id = 131, UserName = "move-old" });
        await using var context = fixture.CreateContext();
        var member = await context.Members.SingleAsync(m => m.Id == 131);

        member.UserName = "move-new";
        await context.SaveChangesAsync();

        Assert.Null(await RawGuardAsync(UserNameGuard("move-old")));
        Assert.Equal(Owner(131), (await RawGuardAsync(UserNameGuard("move-new")))!["owner"].S);
        Assert.Equal("2", (await RawMemberAsync(131))!["Version"].N);

        // The old value is free again.
        await AddAsync(new Member { Id = 132, UserName = "move-old" });
        Assert.Equal(Owner(132), (await RawGuardAsync(UserNameGuard("move-old")))!["owner"].S);

        context.Members.Remove(member);
        await context.SaveChangesAsync();

        Assert.Null(await RawMemberAsync(131));
        Assert.Null(await RawGuardAsync(UserNameGuard("move-new")));
    }

    [Fact]
    public async Task Null_values_are_not_unique_checked()
    {
        await AddAsync(new Member { Id = 141, UserName = null, Tenant = "nul", Email = null });
        await AddAsync(new Member { Id = 142, UserName = null, Tenant = "nul", Email = null });

        Assert.NotNull(await RawMemberAsync(141));
        Assert.NotNull(await RawMemberAsync(142));
    }

    [Fact]
    public async Task Of_two_contexts_inserting_one_value_at_once_exactly_one_wins_and_the_other_writes_nothing()
    {
        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        first.Members.Add(new Member { Id = 151, UserName = "race" });
        second.Members.Add(new Member { Id = 152, UserName = "race" });

        var saves = await Task.WhenAll(Outcome(first.SaveChangesAsync()), Outcome(second.SaveChangesAsync()));

        Assert.Single(saves, s => s is null);
        Assert.IsType<DbUpdateException>(Assert.Single(saves, s => s is not null));
        var winner = saves[0] is null ? 151 : 152;
        var loser = winner == 151 ? 152 : 151;
        Assert.NotNull(await RawMemberAsync(winner));
        Assert.Null(await RawMemberAsync(loser));
        Assert.Equal(Owner(winner), (await RawGuardAsync(UserNameGuard("race")))!["owner"].S);
    }

    private static async Task<Exception?> Outcome(Task save)
    {
        try
        {
            await save;
            return null;
        }
        catch (DbUpdateException exception)
        {
            return exception;
        }
    }

    [Fact]
    public async Task A_stale_update_is_still_a_concurrency_failure()
    {
        await AddAsync(new Member { Id = 161, UserName = "stale" });
        await using var reader = fixture.CreateContext();
        var stale = await reader.Members.SingleAsync(m => m.Id == 161);
        await using (var writer = fixture.CreateContext())
        {
            (await writer.Members.SingleAsync(m => m.Id == 161)).Email = "changed";
            await writer.SaveChangesAsync();
        }

        stale.UserName = "stale-new";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => reader.SaveChangesAsync());
        Assert.Equal(Owner(161), (await RawGuardAsync(UserNameGuard("stale")))!["owner"].S);
        Assert.Null(await RawGuardAsync(UserNameGuard("stale-new")));
    }
}
