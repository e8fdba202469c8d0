using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Update.Internal.UniqueIndexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Maps DynamoDB's write failures to EF's exceptions, naming exactly the entities (and condition checks) that caused
/// them. A failed condition on a Put is a duplicate key (<see cref="DbUpdateException" />); on an Update, a Delete or
/// a Put replacing a deleted entity's item the item DynamoDB returns with the failure (ReturnValuesOnConditionCheckFailure) tells a missing item from a
/// changed concurrency token, both <see cref="DbUpdateConcurrencyException" />. A cancelled transaction's reasons are
/// matched to its actions in order: the commands, then the condition checks, then the unique-index guards (a failed
/// guard is a value some other entity holds: a <see cref="DbUpdateException" /> naming the index).
/// </summary>
public class DynamoDbWriteErrorMapper(IDiagnosticsLogger<DbLoggerCategory.Update> logger, UniqueIndexGuardFactory guardFactory)
{
    /// <summary>Maps the failure of one command sent on its own.</summary>
    public virtual Exception Map(DynamoDbWriteCommand command, Exception exception)
        => exception is AmazonDynamoDBException ? Create([Classify(command, exception)], exception, DynamoDbWriteOutcome.Single) : exception;

    /// <summary>Maps the failure of a TransactWriteItems request holding these commands and condition checks.</summary>
    public virtual Exception Map(
        IReadOnlyList<DynamoDbWriteCommand> commands,
        IReadOnlyList<DynamoDbConditionCheck> conditionChecks,
        Exception exception,
        IReadOnlyList<UniqueIndexGuard>? guards = null)
    {
        guards ??= [];
        if (exception is not AmazonDynamoDBException)
        {
            return exception;
        }

        if (exception is not TransactionCanceledException { CancellationReasons: { Count: > 0 } reasons })
        {
            return new DbUpdateException(
                DynamoDbStrings.WriteFailed("TransactWriteItems", string.Join(", ", commands.Select(Describe)), exception.Message),
                exception,
                commands.Select(c => c.Entry).ToList());
        }

        var failures = new List<DynamoDbWriteFailure>();
        var checksEnd = commands.Count + conditionChecks.Count;
        for (var i = 0; i < reasons.Count && i < checksEnd + guards.Count; i++)
        {
            var reason = reasons[i];
            if (reason.Code is null or "None")
            {
                continue;
            }

            failures.Add(i < commands.Count
                ? CommandFailed(commands[i], reason)
                : i < checksEnd
                    ? CheckFailed(conditionChecks[i - commands.Count], reason)
                    : GuardFailed(guards[i - checksEnd], reason));
        }

        return failures.Count == 0
            ? new DbUpdateException(DynamoDbStrings.TransactionCanceled(exception.Message), exception, commands.Select(c => c.Entry).ToList())
            : Create(failures, exception, DynamoDbWriteOutcome.Transaction);
    }

    /// <summary>Why one command sent on its own failed.</summary>
    public virtual DynamoDbWriteFailure Classify(DynamoDbWriteCommand command, Exception exception)
        => exception is ConditionalCheckFailedException conditionFailure
            ? ConditionFailed(command, conditionFailure.Item)
            : new DynamoDbWriteFailure(
                command,
                null,
                DynamoDbWriteFailureKind.Rejected,
                DynamoDbStrings.WriteFailed(command.Operation.ToString(), Describe(command), exception.Message));

    /// <summary>
    /// Why one command failed that was sent on its own with its unique-index guards, as a TransactWriteItems of the
    /// command and then the guards.
    /// </summary>
    public virtual DynamoDbWriteFailure Classify(DynamoDbWriteCommand command, IReadOnlyList<UniqueIndexGuard> guards, Exception exception)
    {
        if (exception is TransactionCanceledException { CancellationReasons: { Count: > 0 } reasons })
        {
            for (var i = 0; i < reasons.Count && i <= guards.Count; i++)
            {
                if (reasons[i].Code is not (null or "None"))
                {
                    return i == 0 ? CommandFailed(command, reasons[i]) : GuardFailed(guards[i - 1], reasons[i]);
                }
            }
        }

        return Classify(command, exception);
    }

    /// <summary>
    /// The exception for these failures: <see cref="DbUpdateConcurrencyException" /> when every failure is a missing
    /// item or a changed token, else <see cref="DbUpdateException" />; its entries are exactly the failed entities.
    /// </summary>
    /// <param name="failures">The failures, at least one.</param>
    /// <param name="innerException">The DynamoDB exception (the first, when several requests failed).</param>
    /// <param name="outcome">How the save was sent, which says what was written.</param>
    /// <param name="writtenCount">For independent writes, how many other commands were written.</param>
    public virtual Exception Create(
        IReadOnlyList<DynamoDbWriteFailure> failures,
        Exception innerException,
        DynamoDbWriteOutcome outcome,
        int writtenCount = 0)
    {
        var message = failures.Count == 1
            ? failures[0].Description
            : DynamoDbStrings.SeveralWritesFailed(failures.Count, string.Join(" ", failures.Select((f, i) => $"({i + 1}) {f.Description}")));
        message = outcome switch
        {
            DynamoDbWriteOutcome.Transaction => message + " " + DynamoDbStrings.TransactionNothingWritten,
            DynamoDbWriteOutcome.Independent => message + " " + DynamoDbStrings.IndependentWritesOutcome(writtenCount),
            _ => message,
        };

        var entries = failures.Where(f => f.Command is not null).Select(f => f.Command!.Entry).Distinct().ToList();
        return failures.All(f => f.Kind is DynamoDbWriteFailureKind.ItemMissing or DynamoDbWriteFailureKind.ConcurrencyConflict)
            ? new DbUpdateConcurrencyException(message, innerException, entries)
            : new DbUpdateException(message, innerException, entries);
    }

    private DynamoDbWriteFailure ConditionFailed(DynamoDbWriteCommand command, Dictionary<string, AttributeValue>? storedItem)
    {
        var entityType = command.Entry.EntityType;
        var key = DescribeKey(command.Entry);
        if (command.Operation == DynamoDbWriteOperation.Put && !command.ReplacesItem)
        {
            return new DynamoDbWriteFailure(
                command, null, DynamoDbWriteFailureKind.DuplicateKey, DynamoDbStrings.DuplicateKey(entityType.DisplayName(), key, command.TableName));
        }

        var operation = command.Operation switch
        {
            DynamoDbWriteOperation.Put => "replacement",
            DynamoDbWriteOperation.Update => "update",
            _ => "delete",
        };
        if (storedItem is not { Count: > 0 })
        {
            return new DynamoDbWriteFailure(
                command, null, DynamoDbWriteFailureKind.ItemMissing, DynamoDbStrings.ItemMissing(entityType.DisplayName(), key, command.TableName, operation));
        }

        var tokens = ConcurrencyTokenNames(entityType, "").ToList();
        return new DynamoDbWriteFailure(
            command,
            null,
            DynamoDbWriteFailureKind.ConcurrencyConflict,
            DynamoDbStrings.ConcurrencyTokenChanged(entityType.DisplayName(), key, command.TableName, operation, string.Join(", ", tokens)));
    }

    // The entity's tokens and those of its owned references, by their path from the entity ("Details.Version").
    private static IEnumerable<string> ConcurrencyTokenNames(IEntityType entityType, string prefix)
        => entityType.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsOwnershipKey()).Select(p => prefix + p.Name)
            .Concat(entityType.GetOwnedNavigations().Where(n => !n.IsCollection)
                .SelectMany(n => ConcurrencyTokenNames(n.TargetEntityType, prefix + n.Name + ".")));

    private DynamoDbWriteFailure CommandFailed(DynamoDbWriteCommand command, CancellationReason reason)
        => reason.Code == "ConditionalCheckFailed"
            ? ConditionFailed(command, reason.Item)
            : new DynamoDbWriteFailure(command, null, DynamoDbWriteFailureKind.Rejected, DynamoDbStrings.WriteRejected(Describe(command), reason.Code, reason.Message));

    private DynamoDbWriteFailure GuardFailed(UniqueIndexGuard guard, CancellationReason reason)
        => reason.Code == "ConditionalCheckFailed"
            ? new DynamoDbWriteFailure(guard.Command, null, DynamoDbWriteFailureKind.DuplicateKey, guardFactory.DuplicateMessage(guard))
            : new DynamoDbWriteFailure(
                guard.Command,
                null,
                DynamoDbWriteFailureKind.Rejected,
                DynamoDbStrings.WriteRejected($"the guard of the unique index {UniqueIndexGuardTable.Describe(guard.Index)} of {Describe(guard.Command)}", reason.Code, reason.Message));

    private static DynamoDbWriteFailure CheckFailed(DynamoDbConditionCheck check, CancellationReason reason)
        => new(
            null,
            check,
            reason.Code == "ConditionalCheckFailed" ? DynamoDbWriteFailureKind.ConditionCheckFailed : DynamoDbWriteFailureKind.Rejected,
            reason.Code == "ConditionalCheckFailed"
                ? DynamoDbStrings.ConditionCheckFailed(check.EntityType.DisplayName(), check.KeyDescription, check.TableName, reason.Item is { Count: > 0 })
                : DynamoDbStrings.WriteRejected($"the condition check on '{check.EntityType.DisplayName()}' {check.KeyDescription}", reason.Code, reason.Message));

    private string Describe(DynamoDbWriteCommand command)
        => $"'{command.Entry.EntityType.DisplayName()}' {DescribeKey(command.Entry)}";

    // Key values are user data: shown only with sensitive data logging, as EF's own messages do.
    private string DescribeKey(IUpdateEntry entry)
    {
        var key = entry.EntityType.FindPrimaryKey()!.Properties;
        return logger.ShouldLogSensitiveData()
            ? "{" + string.Join(", ", key.Select(p => $"{p.Name}: '{entry.GetOriginalValue(p)}'")) + "}"
            : "{" + string.Join(", ", key.Select(p => p.Name)) + "} (enable sensitive data logging to see the values)";
    }
}
