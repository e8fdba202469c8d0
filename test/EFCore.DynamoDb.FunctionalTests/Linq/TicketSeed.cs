namespace EFCore.DynamoDb.FunctionalTests.Linq;

/// <summary>
/// 48 tickets over three projects whose attributes vary independently (nulls in every nullable property, so the
/// ByAssignee, ByMilestone and BySeverityDue indexes are sparse), and one more ticket whose null Spent and Blocked
/// are stored as NULL-typed attributes, as other tools write them.
/// </summary>
public static class TicketSeed
{
    /// <summary>The projects (partitions).</summary>
    public static readonly string[] Projects = ["apollo", "borealis", "cygnus"];

    /// <summary>The project of the ticket whose nulls are NULL-typed attributes.</summary>
    public const string NullTypedProject = "cygnus";

    /// <summary>The code of the ticket whose nulls are NULL-typed attributes.</summary>
    public const string NullTypedCode = "BUG-900";

    /// <summary>A new list of the seeded tickets.</summary>
    public static List<Ticket> Create()
    {
        string[] kinds = ["BUG", "FEAT", "TASK", "DOC"];
        string[] assignees = ["ana", "ben", "chen", "dia"];
        string[] reporters = ["rita", "sam", "tom", "uma"];
        string[] adjectives = ["Slow", "Broken", "Missing", "Crash in", "Flaky"];
        string[] nouns = ["login", "export", "search page", "billing", "sync", "report builder", "API"];

        var tickets = new List<Ticket>();
        for (var i = 0; i < 48; i++)
        {
            tickets.Add(new Ticket
            {
                Project = Projects[i % 3],
                Code = kinds[i % 4] + "-" + (i + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Title = adjectives[i % 5] + " " + nouns[i % 7],
                Assignee = i % 5 == 0 ? null : assignees[i % 4],
                Opened = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 37),
                State = (TicketState)(i * 7 % 4),
                Severity = (Severity)((i * 3 + i / 4) % 4),
                Points = i * 5 % 13,
                Estimate = i * 11 % 17 * 1.25m + 0.5m,
                Spent = i % 3 == 1 ? null : i * 0.75m,
                Reporter = reporters[i / 3 % 4],
                Milestone = i % 6 == 5 ? null : "m" + (i % 4 + 1),
                Due = i % 4 == 3 ? null : new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 3),
                Blocked = (i % 7) switch { 0 => true, 1 => null, _ => false },
                Effort = TimeSpan.FromMinutes(i * 47 % 400),
            });
        }

        tickets.Add(new Ticket
        {
            Project = NullTypedProject,
            Code = NullTypedCode,
            Title = "Imported from the old tracker",
            Assignee = "ana",
            Opened = new DateTime(2023, 12, 24, 8, 30, 0, DateTimeKind.Utc),
            State = TicketState.Open,
            Severity = Severity.Critical,
            Points = 8,
            Estimate = 12.50m,
            Reporter = "sam",
            Milestone = "m2",
            Effort = TimeSpan.FromMinutes(90),
        });
        return tickets;
    }
}
