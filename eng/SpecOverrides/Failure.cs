using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.SpecOverrides;

/// <summary>What kind of failure a test ended with, read from xunit's message in the .trx.</summary>
internal enum FailureKind
{
    /// <summary>The test passed.</summary>
    None,

    /// <summary>A sync API the provider refuses (DynamoDbEventId.SyncNotSupported).</summary>
    SyncNotSupported,

    /// <summary>EF's "could not be translated" InvalidOperationException.</summary>
    TranslationFailed,

    /// <summary>Another exception of the provider or EF, asserted by its type and message.</summary>
    Exception,

    /// <summary>An xunit assertion failed: the query ran and returned something else. A defect, never overridden.</summary>
    WrongResult,

    /// <summary>
    /// A crash no provider documents (NullReferenceException, InvalidCastException…): a defect, never overridden.
    /// </summary>
    Crash,
}

/// <summary>The outcome of one test case: its kind, and what an override asserts about it.</summary>
internal sealed partial record Failure(FailureKind Kind, string ExceptionType = "", string Fragment = "")
{
    private const string SyncNotSupportedEvent = "DynamoDbEventId.SyncNotSupported";
    private const string CouldNotBeTranslated = "could not be translated";
    private const int MaxFragmentLength = 160;

    public static readonly Failure Passed = new(FailureKind.None);

    private static readonly HashSet<string> CrashTypes =
    [
        "System.NullReferenceException", "System.InvalidCastException", "System.IndexOutOfRangeException",
        "System.Collections.Generic.KeyNotFoundException", "System.NotImplementedException",
    ];

    /// <summary>Whether an override must not assert this outcome: a defect to fix.</summary>
    public bool IsDefect => Kind is FailureKind.WrongResult or FailureKind.Crash;

    /// <summary>Classifies the .trx message of a failed test (<paramref name="isSync" />: a case of the sync API).</summary>
    public static Failure Classify(string message, bool isSync)
    {
        var firstLine = message.Split('\n')[0];

        // xunit writes another exception as "Full.Type.Name : message"; its own assertion failures as the message alone.
        var exceptionType = ExceptionTypePrefix().Match(firstLine);
        if (!exceptionType.Success || exceptionType.Groups[1].Value.StartsWith("Xunit.", StringComparison.Ordinal))
        {
            // Assert.Throws got another exception than the test expected: what failed is that exception.
            var inner = InnerException(message);
            if (inner is not null && firstLine.Contains("Failure: Exception type was not", StringComparison.Ordinal))
            {
                return ClassifyException(inner);
            }

            // A sync test that compares an error message of its own quotes the provider's refusal (xunit cuts the
            // quote after 40 characters: "An error was generated for warning 'Micro"···).
            return message.Contains(SyncNotSupportedEvent, StringComparison.Ordinal)
                || (isSync && message.Contains("\"An error was generated for warning 'Micro\"", StringComparison.Ordinal))
                ? new Failure(FailureKind.SyncNotSupported)
                : new Failure(FailureKind.WrongResult, Fragment: Shorten(message.Replace('\n', ' ')));
        }

        return ClassifyException(message);
    }

    private static Failure ClassifyException(string text)
    {
        var separator = text.IndexOf(" : ", StringComparison.Ordinal);
        var type = separator < 0 ? "System.Exception" : text[..separator].Trim();
        var message = separator < 0 ? text : text[(separator + 3)..];

        if (type == "System.AggregateException" && InnerException(text) is { } single && CountInner(text) == 1)
        {
            return ClassifyException(single);
        }

        if (CrashTypes.Contains(type))
        {
            return new Failure(FailureKind.Crash, type, Shorten(message.Split('\n')[0]));
        }

        if (text.Contains(SyncNotSupportedEvent, StringComparison.Ordinal))
        {
            return new Failure(FailureKind.SyncNotSupported);
        }

        var ownMessage = message.Split("\n---- ")[0];
        if (type == "System.InvalidOperationException" && ownMessage.Contains(CouldNotBeTranslated, StringComparison.Ordinal))
        {
            return new Failure(FailureKind.TranslationFailed, type, TranslationReason(ownMessage));
        }

        return new Failure(FailureKind.Exception, type, Shorten(ownMessage.Split('\n')[0]));
    }

    // EF's message: "The LINQ expression '…' could not be translated. Additional information: <reason> Either rewrite…".
    private static string TranslationReason(string message)
    {
        const string additional = "Additional information: ";
        var start = message.IndexOf(additional, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var reason = message[(start + additional.Length)..];
        var end = reason.IndexOf(" Either rewrite the query", StringComparison.Ordinal);
        reason = end < 0 ? reason : reason[..end];
        return Shorten(reason.Split('\n')[0].Trim());
    }

    private static string? InnerException(string message)
    {
        var start = message.IndexOf("\n---- ", StringComparison.Ordinal);
        return start < 0 ? null : message[(start + 6)..];
    }

    private static int CountInner(string message) => message.Split("\n---- ").Length - 1;

    // The stable part of a message: its first sentence-ish part, without this run's table names.
    private static string Shorten(string message)
    {
        var runSpecific = RunSpecificName().Match(message);
        if (runSpecific.Success)
        {
            message = message[..runSpecific.Index];
        }

        if (message.Length > MaxFragmentLength)
        {
            var cut = message.LastIndexOf(' ', MaxFragmentLength);
            message = message[..(cut > 40 ? cut : MaxFragmentLength)];
        }

        return message.TrimEnd();
    }

    [GeneratedRegex(@"^([\w.+`]+) : ")]
    private static partial Regex ExceptionTypePrefix();

    // DynamoDbTestStore's table prefixes ("spec1a2b3c4d-Northwind-") and GUIDs differ from run to run.
    [GeneratedRegex(@"spec[0-9a-f]{8}-|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex RunSpecificName();
}
