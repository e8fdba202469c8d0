namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// An issue-tracker ticket: partition key Project, string sort key Code ("BUG-007"); read through global and
/// local secondary indexes (see <see cref="TicketsContext" />).
/// </summary>
public class Ticket
{
    public string Project { get; set; } = "";

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Partition key of the ByAssignee index; null keeps the ticket out of it (a sparse index).</summary>
    public string? Assignee { get; set; }

    public DateTime Opened { get; set; }

    /// <summary>Stored as its name (HasConversion&lt;string&gt;()); partition key of the keys-only ByState index.</summary>
    public TicketState State { get; set; }

    /// <summary>Stored as a number (an enum's default).</summary>
    public Severity Severity { get; set; }

    public int Points { get; set; }

    public decimal Estimate { get; set; }

    public decimal? Spent { get; set; }

    public string Reporter { get; set; } = "";

    public string? Milestone { get; set; }

    public DateTime? Due { get; set; }

    public bool? Blocked { get; set; }

    /// <summary>Stored as a number of minutes through a custom value converter.</summary>
    public TimeSpan Effort { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Project}/{Code}";
}
