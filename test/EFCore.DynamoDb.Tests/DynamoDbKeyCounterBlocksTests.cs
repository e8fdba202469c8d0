using EFCore.DynamoDb.ValueGeneration.Internal;

namespace EFCore.DynamoDb.Tests;

/// <summary>
/// The hi-lo arithmetic of generated integer keys, with the counter's atomic ADD played by a local counter: values
/// come from the current block first, a reservation is at least a block and at most what a request still needs, and
/// concurrent requests never get the same value.
/// </summary>
public class DynamoDbKeyCounterBlocksTests
{
    private long _stored;
    private readonly List<long> _reservations = [];

    private Task<long> ReserveAsync(long count, CancellationToken cancellationToken)
    {
        lock (_reservations)
        {
            _reservations.Add(count);
            return Task.FromResult(_stored += count);
        }
    }

    [Fact]
    public async Task Values_start_at_one_and_come_from_one_block_until_it_runs_out()
    {
        var blocks = new DynamoDbKeyCounterBlocks();

        var first = await blocks.TakeAsync("c", 3, 10, ReserveAsync, default);
        var second = await blocks.TakeAsync("c", 7, 10, ReserveAsync, default);
        var third = await blocks.TakeAsync("c", 1, 10, ReserveAsync, default);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([4, 5, 6, 7, 8, 9, 10], second);
        Assert.Equal([11], third);
        Assert.Equal([10, 10], _reservations);
    }

    [Fact]
    public async Task A_request_larger_than_a_block_takes_what_is_left_then_reserves_exactly_the_rest()
    {
        var blocks = new DynamoDbKeyCounterBlocks();
        await blocks.TakeAsync("c", 8, 10, ReserveAsync, default);

        var values = await blocks.TakeAsync("c", 25, 10, ReserveAsync, default);

        Assert.Equal(Enumerable.Range(9, 25).Select(v => (long)v), values);
        Assert.Equal([10, 23], _reservations);
    }

    [Fact]
    public async Task Counters_have_blocks_of_their_own()
    {
        var blocks = new DynamoDbKeyCounterBlocks();

        var a1 = await blocks.TakeAsync("a", 1, 5, ReserveAsync, default);
        var b1 = await blocks.TakeAsync("b", 1, 5, ReserveAsync, default);
        var a2 = await blocks.TakeAsync("a", 1, 5, ReserveAsync, default);

        Assert.Equal([1L], a1);
        Assert.Equal([6L], b1);
        Assert.Equal([2L], a2);
    }

    [Fact]
    public async Task Concurrent_requests_get_distinct_values()
    {
        var blocks = new DynamoDbKeyCounterBlocks();

        var taken = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => blocks.TakeAsync("c", 3, 7, ReserveAsync, default))));

        var all = taken.SelectMany(v => v).ToList();
        Assert.Equal(150, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 150).Select(v => (long)v), all.Order());
    }

    [Fact]
    public async Task Values_of_two_processes_sharing_the_counter_never_overlap()
    {
        var one = new DynamoDbKeyCounterBlocks();
        var other = new DynamoDbKeyCounterBlocks();

        var a = await one.TakeAsync("c", 4, 10, ReserveAsync, default);
        var b = await other.TakeAsync("c", 4, 10, ReserveAsync, default);
        var c = await one.TakeAsync("c", 8, 10, ReserveAsync, default);

        Assert.Empty(a.Intersect(b));
        Assert.Empty(c.Intersect(b));
        Assert.Equal([11, 12, 13, 14], b);
    }
}
