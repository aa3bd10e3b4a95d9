using System.Net;
using System.Net.Sockets;

namespace Spark.Linq.EndToEnd.Tests.Reliability;

/// <summary>How <see cref="CuttingProxy"/> ends a connection it cuts.</summary>
public enum CutKind
{
    /// <summary>An orderly close (FIN) in both directions.</summary>
    Fin,

    /// <summary>An abortive close (RST): linger on with a zero timeout, then close.</summary>
    Rst,
}

/// <summary>
/// A loopback TCP proxy that cuts each of its first <c>cuts</c> connections once the server has sent it a chosen number
/// of bytes (drawn from a seeded random source), the way a load balancer, a NAT timeout or a restarting node cuts a
/// long result; connections after those are relayed untouched, so a client that reattaches can finish.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly Random _random;
    private readonly (int Min, int Max) _cutAfterBytes;
    private readonly CutKind _kind;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _accepting;
    private int _cutsLeft;
    private int _cutsMade;
    private int _connections;

    public CuttingProxy(int targetPort, int cuts, CutKind kind, int seed, int minBytes, int maxBytes)
    {
        _targetPort = targetPort;
        _cutsLeft = cuts;
        _kind = kind;
        _random = new Random(seed);
        _cutAfterBytes = (minBytes, maxBytes);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Connections cut so far.</summary>
    public int CutsMade => Volatile.Read(ref _cutsMade);

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                long? cutAfter = null;
                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(server);
                    _connections++;
                    if (_cutsLeft > 0)
                    {
                        _cutsLeft--;
                        cutAfter = _random.Next(_cutAfterBytes.Min, _cutAfterBytes.Max);
                    }
                }
                _ = RelayAsync(client, server, cutAfter);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient server, long? cutAfter)
    {
        var upstream = PumpAsync(client.GetStream(), server.GetStream(), cutAfter: null);
        var downstream = PumpAsync(server.GetStream(), client.GetStream(), cutAfter);
        if (await Task.WhenAny(upstream, downstream) == downstream && await downstream)
        {
            Interlocked.Increment(ref _cutsMade);
            Cut(client);
            Cut(server);
            return;
        }
        client.Dispose();
        server.Dispose();
    }

    /// <summary>Copies until the source ends; true when it stopped because <paramref name="cutAfter"/> bytes went through.</summary>
    private async Task<bool> PumpAsync(NetworkStream from, NetworkStream to, long? cutAfter)
    {
        var buffer = new byte[16 * 1024];
        long relayed = 0;
        try
        {
            while (true)
            {
                var room = cutAfter is { } limit ? (int)Math.Min(buffer.Length, limit - relayed) : buffer.Length;
                if (room <= 0)
                    return true;
                int read = await from.ReadAsync(buffer.AsMemory(0, room), _stop.Token);
                if (read == 0)
                    return false;
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                relayed += read;
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            return false;
        }
    }

    private void Cut(TcpClient socket)
    {
        try
        {
            if (_kind == CutKind.Rst)
                socket.Client.LingerState = new LingerOption(true, 0);
            else
                socket.Client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_sockets)
            foreach (var socket in _sockets) socket.Dispose();
        _stop.Dispose();
    }
}
