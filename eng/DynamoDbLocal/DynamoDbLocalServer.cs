// Shared by the functional tests and the sample (linked into both projects).
// It depends on nothing but the base class library.

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EFCore.DynamoDb.Local;

/// <summary>
/// A DynamoDB endpoint for tests and samples: either an existing server named by the
/// <c>DYNAMODB_ENDPOINT</c> environment variable, or an in-memory AWS DynamoDB Local that this
/// object starts on a free loopback port (installing it first with
/// <c>eng/install-dynamodb-local.sh</c>) and stops when it is disposed.
/// </summary>
/// <remarks>
/// A server started here runs with <c>-inMemory -sharedDb -disableTelemetry</c>, so every access key and region
/// sees the same tables, nothing is written to disk and nothing is reported to AWS. It is stopped on <see cref="Dispose"/>,
/// <see cref="DisposeAsync"/>, on process exit, and (through a small shell watchdog that waits for
/// its standard input to close) also when the owning process dies without running any code.
/// </remarks>
public sealed class DynamoDbLocalServer : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The environment variable that, when set to a non-empty URL, makes <see cref="StartAsync"/>
    /// use that endpoint instead of starting DynamoDB Local.
    /// </summary>
    public const string EndpointEnvironmentVariable = "DYNAMODB_ENDPOINT";

    private const string SolutionFileName = "EFCore.DynamoDb.sln";
    private const string InstallScript = "eng/install-dynamodb-local.sh";
    private const int MaxStartAttempts = 3;
    private const int OutputLinesKept = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    // Runs java as a child and kills it when our end of its standard input closes, which the
    // operating system does when this process dies for any reason (even SIGKILL).
    // Arguments: $@ = the java command line.
    private const string WatchdogScript = """
        exec 3<&0
        "$@" </dev/null 3<&- &
        jp=$!
        ( while IFS= read -r _; do :; done; kill "$jp" 2>/dev/null ) <&3 3<&- >/dev/null 2>&1 &
        wp=$!
        exec 3<&-
        trap 'kill "$jp" "$wp" 2>/dev/null; exit 143' TERM INT HUP
        wait "$jp"
        code=$?
        kill "$wp" 2>/dev/null
        exit "$code"
        """;

    private readonly Process? _process;
    private readonly EventHandler? _processExitHandler;
    private int _disposed;

    private DynamoDbLocalServer(Uri serviceUrl, Process? process)
    {
        ServiceUrl = serviceUrl;
        _process = process;
        StartedByUs = process is not null;

        if (process is not null)
        {
            _processExitHandler = (_, _) => KillProcessTree(process);
            AppDomain.CurrentDomain.ProcessExit += _processExitHandler;
        }
    }

    /// <summary>
    /// The endpoint to give the AWS SDK as its service URL, for example <c>http://127.0.0.1:54321</c>.
    /// </summary>
    public Uri ServiceUrl { get; }

    /// <summary>
    /// <see langword="true"/> when this object started DynamoDB Local itself (and will stop it);
    /// <see langword="false"/> when it only points at the server named by <c>DYNAMODB_ENDPOINT</c>.
    /// </summary>
    public bool StartedByUs { get; }

    /// <summary>
    /// Returns a running DynamoDB endpoint: the one named by the <c>DYNAMODB_ENDPOINT</c>
    /// environment variable when it is set, otherwise a new in-memory DynamoDB Local started on a
    /// free loopback port once it answers HTTP requests.
    /// </summary>
    /// <param name="cancellationToken">Cancels the install and the start; a half-started server is stopped.</param>
    /// <returns>The server; dispose it to stop what it started.</returns>
    /// <exception cref="InvalidOperationException">
    /// The repository root could not be found, the install script failed, or DynamoDB Local exited
    /// or did not answer within 60 seconds.
    /// </exception>
    public static async Task<DynamoDbLocalServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var configured = Environment.GetEnvironmentVariable(EndpointEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var configuredUrl))
            {
                throw new InvalidOperationException(
                    $"The environment variable {EndpointEnvironmentVariable} is set to '{configured}', which is not an absolute URL.");
            }

            return new DynamoDbLocalServer(configuredUrl, process: null);
        }

        var repositoryRoot = FindRepositoryRoot();
        var jarDirectory = await InstallAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);

        var failures = new StringBuilder();
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            var (server, failure, retry) = await TryStartAsync(jarDirectory, cancellationToken).ConfigureAwait(false);
            if (server is not null)
            {
                return server;
            }

            failures.Append(CultureInfo.InvariantCulture, $"Attempt {attempt}: {failure}").AppendLine();
            if (!retry)
            {
                break;
            }
        }

        throw new InvalidOperationException("Could not start DynamoDB Local." + Environment.NewLine + failures);
    }

    /// <summary>Stops the DynamoDB Local process tree this object started, if any, and waits for it to exit.</summary>
    public void Dispose()
    {
        if (!BeginDispose())
        {
            return;
        }

        KillProcessTree(_process!);
        try
        {
            _process!.WaitForExit((int)StopTimeout.TotalMilliseconds);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process!.Dispose();
    }

    /// <summary>Stops the DynamoDB Local process tree this object started, if any, and waits for it to exit.</summary>
    /// <returns>A task that completes once the process has exited (or the stop timeout passed).</returns>
    public async ValueTask DisposeAsync()
    {
        if (!BeginDispose())
        {
            return;
        }

        KillProcessTree(_process!);
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _process!.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Gave up waiting; the kill signal has been sent.
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }
        }

        _process!.Dispose();
    }

    /// <inheritdoc />
    public override string ToString()
        => StartedByUs ? $"DynamoDB Local at {ServiceUrl} (started by us)" : $"DynamoDB at {ServiceUrl}";

    // Returns true exactly once, when there is a process to stop.
    private bool BeginDispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _process is null)
        {
            return false;
        }

        if (_processExitHandler is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= _processExitHandler;
        }

        return true;
    }

    private static void KillProcessTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting, or not ours to kill any more.
        }
        catch (NotSupportedException)
        {
            // Not a local process; nothing to do.
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (a folder holding {SolutionFileName}) above '{AppContext.BaseDirectory}' "
            + $"or '{Directory.GetCurrentDirectory()}'. Run from inside the repository, or set {EndpointEnvironmentVariable} "
            + "to the URL of a running DynamoDB (for example http://127.0.0.1:8000).");
    }

    // Runs eng/install-dynamodb-local.sh and returns the folder holding DynamoDBLocal.jar (its last stdout line).
    private static async Task<string> InstallAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        startInfo.ArgumentList.Add(Path.Combine(repositoryRoot, InstallScript));

        using var process = StartProcess(startInfo, "bash " + InstallScript);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillProcessTree(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException(
                    $"{InstallScript} did not finish within {InstallTimeout.TotalMinutes} minutes. Its output:"
                    + Environment.NewLine + await SafeResultAsync(stderr).ConfigureAwait(false));
            }
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{InstallScript} failed with exit code {process.ExitCode}:" + Environment.NewLine + errors);
        }

        var jarDirectory = output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        if (jarDirectory is null || !File.Exists(Path.Combine(jarDirectory, "DynamoDBLocal.jar")))
        {
            throw new InvalidOperationException(
                $"{InstallScript} did not print a folder holding DynamoDBLocal.jar (it printed '{output.Trim()}'):"
                + Environment.NewLine + errors);
        }

        return jarDirectory;
    }

    // One start on a fresh port. Returns the server, or why it failed and whether another port is worth a try.
    private static async Task<(DynamoDbLocalServer? Server, string? Failure, bool Retry)> TryStartAsync(
        string jarDirectory,
        CancellationToken cancellationToken)
    {
        var port = GetFreeLoopbackPort();
        var serviceUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

        var startInfo = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = jarDirectory,
        };
        foreach (var argument in new[]
                 {
                     "-c", WatchdogScript, "dynamodb-local",
                     "java",
                     "-Djava.library.path=" + Path.Combine(jarDirectory, "DynamoDBLocal_lib"),
                     "-jar", Path.Combine(jarDirectory, "DynamoDBLocal.jar"),
                     "-inMemory", "-sharedDb", "-disableTelemetry",
                     "-port", port.ToString(CultureInfo.InvariantCulture),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new OutputTail(OutputLinesKept);
        var process = StartProcess(startInfo, "java -jar DynamoDBLocal.jar");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // From here on the server object owns the process (and its ProcessExit hook).
        var server = new DynamoDbLocalServer(serviceUrl, process);
        try
        {
            var failure = await WaitUntilAnsweringAsync(process, serviceUrl, output, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return (server, null, false);
            }

            await server.DisposeAsync().ConfigureAwait(false);
            return (null, failure.Value.Message, failure.Value.Exited);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(string Message, bool Exited)?> WaitUntilAnsweringAsync(
        Process process,
        Uri serviceUrl,
        OutputTail output,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            if (process.HasExited)
            {
                // Let the asynchronous readers catch up with the last lines.
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return ($"DynamoDB Local exited with code {process.ExitCode} before answering on {serviceUrl}. Its output:"
                        + Environment.NewLine + output, true);
            }

            try
            {
                using var response = await http.GetAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
                return null; // Any HTTP status means it is up (a bare GET gets 400).
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out; try again.
            }

            if (stopwatch.Elapsed >= StartTimeout)
            {
                return ($"DynamoDB Local did not answer on {serviceUrl} within {StartTimeout.TotalSeconds} s. Its output:"
                        + Environment.NewLine + output, false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    private static int GetFreeLoopbackPort()
    {
        // Disposing the listener stops it and frees the port for DynamoDB Local.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartProcess(ProcessStartInfo startInfo, string description)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start '{description}'.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start '{description}' ({e.Message}). DynamoDB Local needs bash and Java; "
                + $"or set {EndpointEnvironmentVariable} to the URL of a running DynamoDB.",
                e);
        }
    }

    private static async Task<string> SafeResultAsync(Task<string> task)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return "(no output)";
        }
    }

    // The last lines a process wrote, for error messages.
    private sealed class OutputTail(int capacity)
    {
        private readonly Queue<string> _lines = new();
        private readonly Lock _lock = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lock)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
            }
        }
    }
}
