using System.Text;
using System.Text.RegularExpressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal.PartiQL;

/// <summary>
/// A PartiQL statement of <c>FromPartiQL</c>: the text with a <c>?</c> where each value goes (values are sent as
/// ExecuteStatement parameters, never spliced into the text), which value each <c>?</c> takes, and the values. It
/// must read the whole items of the entity type's table: <c>SELECT * FROM "Table"</c>, optionally of one of its
/// indexes (<c>"Table"."Index"</c>), with any WHERE or ORDER BY. The table may be named as the model names it or with
/// the options' prefix and suffix; the statement sent names the full name.
/// </summary>
public sealed partial class PartiQLStatement
{
    private PartiQLStatement(string text, IReadOnlyList<int> argumentIndexes, QueryValue arguments)
    {
        Text = text;
        ArgumentIndexes = argumentIndexes;
        Arguments = arguments;
    }

    /// <summary>The statement as it is sent, with <c>?</c> where the values go.</summary>
    public string Text { get; }

    /// <summary>For each <c>?</c> in order, the index of its value among <see cref="Arguments" />.</summary>
    public IReadOnlyList<int> ArgumentIndexes { get; }

    /// <summary>True when the statement has an ORDER BY.</summary>
    public bool HasOrderBy => OrderBy().IsMatch(Text);

    /// <summary>The values (an <c>object?[]</c>), read each time the query runs.</summary>
    public QueryValue Arguments { get; }

    /// <summary>
    /// Parses a statement written with <c>{0}</c>, <c>{1}</c>… placeholders (<c>{{</c> and <c>}}</c> for literal braces)
    /// and checks that it selects whole items of the entity type's table, named <paramref name="tableName" /> with the
    /// options' prefix and suffix.
    /// </summary>
    public static PartiQLStatement Parse(string statementFormat, QueryValue arguments, IEntityType entityType, string tableName)
    {
        var (text, indexes) = ToPositionalParameters(statementFormat);
        var match = SelectFromTable().Match(text);
        var named = match.Success ? Unquote(match.Groups["table"].Value) : null;
        if (named is null || (named != tableName && named != entityType.GetTableName()))
        {
            throw new InvalidOperationException(DynamoDbStrings.PartiQLNotASelectOfTable(entityType.DisplayName(), tableName, statementFormat));
        }

        var sent = text[..match.Groups["table"].Index] + "\"" + tableName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            + text[(match.Groups["table"].Index + match.Groups["table"].Length)..];
        return new PartiQLStatement(sent, indexes, arguments);
    }

    // `{n}` (optionally `{n,alignment:format}`, as in a format string) becomes `?`; a placeholder inside a quoted
    // string or identifier would not be a parameter, so it is an error.
    private static (string Text, List<int> Indexes) ToPositionalParameters(string format)
    {
        var text = new StringBuilder(format.Length);
        var indexes = new List<int>();
        char? quote = null;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var digits = end < 0 ? "" : format[(i + 1)..end].Split(',', ':')[0];
                if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    throw new InvalidOperationException(DynamoDbStrings.PartiQLInvalidPlaceholder(format));
                }

                if (quote is not null)
                {
                    throw new InvalidOperationException(DynamoDbStrings.PartiQLQuotedPlaceholder(format));
                }

                text.Append('?');
                indexes.Add(index);
                i = end;
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = quote is null ? c : quote == c ? null : quote;
            }

            text.Append(c);
        }

        return (text.ToString(), indexes);
    }

    private static string Unquote(string name)
        => name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    [GeneratedRegex("""^\s*SELECT\s+\*\s+FROM\s+(?<table>"(?:[^"]|"")+"|[A-Za-z0-9_.\-]+?)(?:\."(?:[^"]|"")+")?(?:\s.*)?$""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectFromTable();

    [GeneratedRegex("""\sORDER\s+BY\s""", RegexOptions.IgnoreCase)]
    private static partial Regex OrderBy();
}
