using System.Net;
using System.Net.Sockets;

namespace Spark.Connect.Tests.Reliability;

/// <summary>
/// A loopback TCP proxy in front of a test server. <see cref="FreezeExistingConnections"/> makes every connection open
/// at that moment go silent in both directions without closing it (a host gone, a NAT that dropped the flow), while
/// connections made later work normally.
/// </summary>
internal sealed class FreezableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Relay> _relays = [];
    private readonly Task _accepting;

    public FreezableProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How many connections the proxy accepted so far.</summary>
    public int ConnectionCount
    {
        get { lock (_relays) return _relays.Count; }
    }

    public void FreezeExistingConnections()
    {
        lock (_relays)
            foreach (var relay in _relays) relay.Frozen = true;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var relay = new Relay(client, server);
                lock (_relays) _relays.Add(relay);
                _ = relay.RunAsync(_stop.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_relays)
            foreach (var relay in _relays) relay.Close();
        _stop.Dispose();
    }

    private sealed class Relay(TcpClient client, TcpClient server)
    {
        public volatile bool Frozen;

        public Task RunAsync(CancellationToken stop) =>
            Task.WhenAll(PumpAsync(client.GetStream(), server.GetStream(), stop), PumpAsync(server.GetStream(), client.GetStream(), stop));

        private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken stop)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    int read = await from.ReadAsync(buffer, stop);
                    if (read == 0 || Frozen) break; // a frozen relay drops what it reads and never answers again
                    await to.WriteAsync(buffer.AsMemory(0, read), stop);
                }
                if (Frozen) await Task.Delay(Timeout.Infinite, stop);
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
            {
                // The peer or the test went away.
            }
            finally
            {
                if (!Frozen) Close();
            }
        }

        public void Close()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
