using Spark.Testing;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NUnit.Framework;

namespace Spark.Connect.Tests.Transport;

/// <summary>
/// Runs tools/grpc-peer (Node.js + @grpc/grpc-js): either as a long-running server whose stdout
/// lines are JSON events, or as a one-shot client whose single stdout line is the call outcome.
/// The child is always killed on dispose; every wait has a timeout.
/// </summary>
internal sealed class GrpcPeer : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _stderr = new();

    private GrpcPeer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else if (e.Data.StartsWith('{'))
            {
                _lines.Writer.TryWrite(JsonNode.Parse(e.Data)!.AsObject());
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The port of a peer started with <see cref="ServeAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Starts <c>node peer.js serve</c> and waits for its port.</summary>
    public static async Task<GrpcPeer> ServeAsync()
    {
        var peer = Start("serve");
        JsonObject first = await peer.NextLineAsync();
        peer.Port = first["port"]?.GetValue<int>() ?? throw new InvalidOperationException($"grpc-peer did not report a port: {first}");
        return peer;
    }

    /// <summary>Runs <c>node peer.js call</c> with <paramref name="spec"/> and returns its outcome.</summary>
    public static async Task<JsonObject> CallAsync(object spec)
    {
        string argument = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(spec));
        await using var peer = Start("call", argument);
        return await peer.NextLineAsync();
    }

    /// <summary>Waits for the peer to report that a call to <paramref name="method"/> was cancelled, skipping other lines.</summary>
    public async Task<JsonObject> WaitForCancelledAsync(string method)
    {
        while (true)
        {
            JsonObject line = await NextLineAsync();
            if (line["event"]?.GetValue<string>() == "cancelled" && line["method"]?.GetValue<string>() == method)
            {
                return line;
            }
        }
    }

    /// <summary>Waits for the next JSON line the peer prints.</summary>
    public async Task<JsonObject> NextLineAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(WaitLimit);
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            string stderr;
            lock (_stderr)
            {
                stderr = _stderr.ToString();
            }

            throw new TimeoutException($"grpc-peer printed no further line. stderr: {stderr}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it will be reaped with the test host.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static GrpcPeer Start(params string[] arguments)
    {
        string directory = RepoPaths.Tool("grpc-peer");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@grpc", "grpc-js")))
        {
            Assert.Fail($"@grpc/grpc-js is not installed in {directory}; run 'npm ci' there (the test project's build does it).");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("peer.js");
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new GrpcPeer(Process.Start(info) ?? throw new InvalidOperationException("Could not start node."));
    }
}
