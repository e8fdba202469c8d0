using System.Collections.Concurrent;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
/// The blocks of key values each counter has reserved in this process (hi-lo): values are handed out from the
/// current block, and only when it runs out is one more reserved from DynamoDB, atomically, so two processes (or two
/// service providers) never get the same value. A singleton: every context of the service provider shares the blocks.
/// </summary>
public class DynamoDbKeyCounterBlocks
{
    private readonly ConcurrentDictionary<string, CounterBlock> _blocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns <paramref name="count" /> unused values of the counter: what is left of its block first, then one
    /// reservation of at least <paramref name="blockSize" /> values (more when the save needs more) through
    /// <paramref name="reserveAsync" />, which adds the number it is given to the stored counter and returns the new
    /// value, the highest of the values it reserved.
    /// </summary>
    public virtual async Task<long[]> TakeAsync(
        string counter,
        int count,
        int blockSize,
        Func<long, CancellationToken, Task<long>> reserveAsync,
        CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd(counter, static _ => new CounterBlock());
        var values = new long[count];
        await block.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var taken = block.Take(values, 0);
            if (taken < count)
            {
                var reserve = Math.Max(blockSize, count - taken);
                var highest = await reserveAsync(reserve, cancellationToken).ConfigureAwait(false);
                block.Next = highest - reserve + 1;
                block.Last = highest;
                block.Take(values, taken);
            }
        }
        finally
        {
            block.Lock.Release();
        }

        return values;
    }

    private sealed class CounterBlock
    {
        public readonly SemaphoreSlim Lock = new(1, 1);

        // The next value to hand out and the last of the block; empty (Next > Last) until the first reservation.
        public long Next = 1;
        public long Last;

        // Fills values from index 'from' with what the block has left; returns how many of values are now filled.
        public int Take(long[] values, int from)
        {
            var filled = from;
            while (filled < values.Length && Next <= Last)
            {
                values[filled++] = Next++;
            }

            return filled;
        }
    }
}
