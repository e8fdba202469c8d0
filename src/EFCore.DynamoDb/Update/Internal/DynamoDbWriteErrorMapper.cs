using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
/// Maps DynamoDB's write failures to EF's exceptions, naming the entities that caused them: a failed condition on
/// a Put is a duplicate key (<see cref="DbUpdateException" />); on an Update or Delete it is a missing item or a
/// changed concurrency token (<see cref="DbUpdateConcurrencyException" />). A cancelled transaction's reasons are
/// matched to its actions, one per command, in order.
/// </summary>
public class DynamoDbWriteErrorMapper(IDiagnosticsLogger<DbLoggerCategory.Update> logger)
{
    /// <summary>Maps the failure of one command sent on its own.</summary>
    public virtual Exception Map(DynamoDbWriteCommand command, Exception exception)
        => exception switch
        {
            ConditionalCheckFailedException => ConditionFailed([command], exception),
            AmazonDynamoDBException => new DbUpdateException(
                DynamoDbStrings.WriteFailed(command.Operation.ToString(), Describe(command), exception.Message),
                exception,
                [command.Entry]),
            _ => exception,
        };

    /// <summary>Maps the failure of a TransactWriteItems request holding these commands.</summary>
    public virtual Exception Map(IReadOnlyList<DynamoDbWriteCommand> commands, Exception exception)
    {
        if (exception is not TransactionCanceledException canceled || canceled.CancellationReasons is not { Count: > 0 } reasons)
        {
            return exception is AmazonDynamoDBException
                ? new DbUpdateException(
                    DynamoDbStrings.WriteFailed("TransactWriteItems", string.Join(", ", commands.Select(Describe)), exception.Message),
                    exception,
                    commands.Select(c => c.Entry).ToList())
                : exception;
        }

        var conditionFailures = new List<DynamoDbWriteCommand>();
        var otherFailures = new List<(DynamoDbWriteCommand Command, CancellationReason Reason)>();
        for (var i = 0; i < reasons.Count && i < commands.Count; i++)
        {
            switch (reasons[i].Code)
            {
                case null or "None":
                    break;
                case "ConditionalCheckFailed":
                    conditionFailures.Add(commands[i]);
                    break;
                default:
                    otherFailures.Add((commands[i], reasons[i]));
                    break;
            }
        }

        if (otherFailures.Count > 0)
        {
            return new DbUpdateException(
                DynamoDbStrings.TransactionCanceled(string.Join("; ", otherFailures.Select(f => $"{Describe(f.Command)}: {f.Reason.Code} {f.Reason.Message}"))),
                exception,
                otherFailures.Select(f => f.Command.Entry).Concat(conditionFailures.Select(c => c.Entry)).ToList());
        }

        return conditionFailures.Count > 0
            ? ConditionFailed(conditionFailures, exception)
            : new DbUpdateException(DynamoDbStrings.TransactionCanceled(exception.Message), exception, commands.Select(c => c.Entry).ToList());
    }

    private Exception ConditionFailed(IReadOnlyList<DynamoDbWriteCommand> failed, Exception exception)
    {
        var entries = failed.Select(c => c.Entry).ToList();
        var concurrencyFailure = failed.FirstOrDefault(c => c.Operation != DynamoDbWriteOperation.Put);
        if (concurrencyFailure is not null)
        {
            return new DbUpdateConcurrencyException(
                DynamoDbStrings.UpdateConcurrencyFailure(
                    concurrencyFailure.Entry.EntityType.DisplayName(),
                    DescribeKey(concurrencyFailure.Entry),
                    concurrencyFailure.TableName,
                    concurrencyFailure.Operation == DynamoDbWriteOperation.Update ? "update" : "delete"),
                exception,
                entries);
        }

        var duplicate = failed[0];
        return new DbUpdateException(
            DynamoDbStrings.DuplicateKey(duplicate.Entry.EntityType.DisplayName(), DescribeKey(duplicate.Entry), duplicate.TableName),
            exception,
            entries);
    }

    private string Describe(DynamoDbWriteCommand command)
        => $"'{command.Entry.EntityType.DisplayName()}' {DescribeKey(command.Entry)}";

    // Key values are user data: shown only with sensitive data logging, as EF's own messages do.
    private string DescribeKey(IUpdateEntry entry)
    {
        var key = entry.EntityType.FindPrimaryKey()!.Properties;
        return logger.ShouldLogSensitiveData()
            ? "{" + string.Join(", ", key.Select(p => $"{p.Name}: '{entry.GetCurrentValue(p)}'")) + "}"
            : "{" + string.Join(", ", key.Select(p => p.Name)) + "} (enable sensitive data logging to see the values)";
    }
}
