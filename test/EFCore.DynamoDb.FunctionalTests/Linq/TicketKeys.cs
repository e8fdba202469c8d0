namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>Tickets as comparable keys ("apollo/BUG-001").</summary>
public static class TicketKeys
{
    /// <summary>The keys, sorted: for comparing results whose order the query leaves open.</summary>
    public static List<string> Keys(this IEnumerable<Ticket> tickets) => tickets.Select(Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The keys in the order given: for comparing ordered results.</summary>
    public static List<string> OrderedKeys(this IEnumerable<Ticket> tickets) => tickets.Select(Key).ToList();

    /// <summary>One ticket's key.</summary>
    public static string Key(Ticket ticket) => ticket.Project + "/" + ticket.Code;
}
