using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EFCore.DynamoDb.FunctionalTests.Operating;

/// <summary>Loopback endpoints where no DynamoDB answers.</summary>
public static class UnreachableEndpoints
{
    /// <summary>A loopback port nothing listens on: a connection is refused at once.</summary>
    public static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Url(port);
    }

    /// <summary>
    /// A loopback port whose listener never accepts and whose backlog is full, so a new connection is neither
    /// accepted nor refused: it waits, as one to a host that drops packets does. Dispose to close it.
    /// </summary>
    public static SilentEndpoint Silent() => new();

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    /// <summary>A listener with a full backlog (see <see cref="Silent" />).</summary>
    public sealed class SilentEndpoint : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _backlog = [];

        internal SilentEndpoint()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(1);
            var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
            ServiceUrl = Url(port);

            // Linux queues backlog + 1 connections; a few more leave no doubt that the next one waits.
            for (var i = 0; i < 4; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _ = socket.ConnectAsync(IPAddress.Loopback, port).ContinueWith(static _ => { }, TaskScheduler.Default);
                _backlog.Add(socket);
            }

            Thread.Sleep(200);
        }

        /// <summary>The endpoint's URL.</summary>
        public string ServiceUrl { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (var socket in _backlog)
            {
                socket.Dispose();
            }

            _listener.Dispose();
        }
    }
}
