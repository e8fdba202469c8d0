using Microsoft.EntityFrameworkCore;
using Xunit.Sdk;

namespace EFCore.DynamoDb.FunctionalTests.Specification.TestUtilities;

/// <summary>
/// What the overrides of the specification tests assert (Specification/**/*.Overrides.cs, written by
/// eng/spec-overrides.sh): that an upstream test, run as written, fails with the documented failure — the
/// exception type and the part of its message that explains it. An override never skips a test, and never lets it
/// pass with another answer.
/// </summary>
public static class SpecAssert
{
    /// <summary>The part of EF's translation error that every variant of it contains.</summary>
    public const string CouldNotBeTranslated = "could not be translated";

    /// <summary>The part of <see cref="DynamoDbEventId.SyncNotSupported" /> raised as an error that names it.</summary>
    public const string SyncNotSupportedEvent = "DynamoDbEventId.SyncNotSupported";

    /// <summary>Asserts that the test fails because DynamoDB's SDK is asynchronous (a sync query, save or EnsureCreated).</summary>
    public static async Task SyncNotSupportedAsync(Func<Task> test)
        => AssertSyncNotSupported(await FailureAsync(test));

    /// <inheritdoc cref="SyncNotSupportedAsync" />
    public static void SyncNotSupported(Action test)
        => AssertSyncNotSupported(Failure(test));

    /// <summary>
    /// Asserts that the test fails with EF's "could not be translated" error, whose message holds
    /// <paramref name="reason" /> (the provider's explanation; empty when EF gives none).
    /// </summary>
    public static async Task TranslationFailedAsync(Func<Task> test, string reason)
        => AssertTranslationFailed(await FailureAsync(test), reason);

    /// <inheritdoc cref="TranslationFailedAsync" />
    public static void TranslationFailed(Action test, string reason)
        => AssertTranslationFailed(Failure(test), reason);

    /// <summary>Asserts that the test fails with exactly <typeparamref name="TException" />, whose message holds <paramref name="message" />.</summary>
    public static async Task FailsAsync<TException>(Func<Task> test, string message)
        where TException : Exception
        => AssertFailure<TException>(await FailureAsync(test), message);

    /// <inheritdoc cref="FailsAsync{TException}" />
    public static void Fails<TException>(Action test, string message)
        where TException : Exception
        => AssertFailure<TException>(Failure(test), message);

    private static async Task<Exception> FailureAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception exception)
        {
            return Unwrap(exception);
        }

        throw FailException.ForFailure("The test passed: its override, which asserts a documented failure, is out of date. Run eng/spec-overrides.sh generate.");
    }

    private static Exception Failure(Action test)
        => FailureAsync(() =>
        {
            test();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    // A test that expected another exception (Assert.Throws) fails with xunit's exception around the real one.
    private static Exception Unwrap(Exception exception)
        => exception switch
        {
            ThrowsException { InnerException: { } inner } => Unwrap(inner),
            ThrowsAnyException { InnerException: { } inner } => Unwrap(inner),
            AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
            _ => exception,
        };

    private static void AssertSyncNotSupported(Exception failure)
    {
        // The sync path fails with the provider's error, or (when the test compares an error message of its own)
        // with xunit's assertion failure quoting it.
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(SyncNotSupportedEvent, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw Unexpected(failure, $"'{SyncNotSupportedEvent}'");
    }

    private static void AssertTranslationFailed(Exception failure, string reason)
    {
        if (failure is not InvalidOperationException
            || !failure.Message.Contains(CouldNotBeTranslated, StringComparison.Ordinal)
            || !failure.Message.Contains(reason, StringComparison.Ordinal))
        {
            throw Unexpected(failure, $"InvalidOperationException '{CouldNotBeTranslated}' with '{reason}'");
        }
    }

    private static void AssertFailure<TException>(Exception failure, string message)
    {
        if (failure.GetType() != typeof(TException) || !failure.Message.Contains(message, StringComparison.Ordinal))
        {
            throw Unexpected(failure, $"{typeof(TException).Name} '{message}'");
        }
    }

    private static Exception Unexpected(Exception failure, string expected)
        => new XunitException($"Expected the documented failure {expected}, but the test failed with:{Environment.NewLine}{failure}");
}
