using System.Text.RegularExpressions;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.TestUtilities;

/// <summary>The write command a save would send for one entity, built without sending it, and its update expression as text.</summary>
public static partial class WriteCommands
{
    /// <summary>
    /// The command SaveChanges would make for a root entity: its entry, with the changed entries of the entities it
    /// owns (null when nothing stored changed).
    /// </summary>
    public static DynamoDbWriteCommand? Of(DbContext db, object entity)
    {
        db.ChangeTracker.DetectChanges();
        var ownedChanges = new OwnedWriteScope();
        foreach (var owned in db.ChangeTracker.Entries().Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            ownedChanges.Add(owned.GetInfrastructure());
        }

        return db.GetService<DynamoDbWriteCommandFactory>().Create(db.Entry(entity).GetInfrastructure(), ownedChanges);
    }

    /// <summary>An update expression with the names its placeholders stand for and every value placeholder as ":v".</summary>
    public static string ReadableUpdate(DynamoDbWriteCommand command) => Readable(command.UpdateExpression!, command);

    /// <summary>An expression of the command with the names its placeholders stand for and every value placeholder as ":v".</summary>
    public static string Readable(string expression, DynamoDbWriteCommand command)
        => ValuePlaceholder().Replace(NamePlaceholder().Replace(expression, m => command.Names[m.Value]), ":v");

    [GeneratedRegex(@"#\w+")]
    private static partial Regex NamePlaceholder();

    [GeneratedRegex(@":\w+")]
    private static partial Regex ValuePlaceholder();
}
