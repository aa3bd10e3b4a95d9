using Grpc.Core;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Spark.Connect.TestServer;

/// <summary>How a scripted stream is cut without a status.</summary>
public enum StreamDrop
{
    /// <summary>Reset the HTTP/2 stream (RST_STREAM INTERNAL_ERROR): the client sees <c>Internal</c>.</summary>
    ResetStream,

    /// <summary>Close the whole TCP connection: the client sees <c>Unavailable</c>, like a network failure.</summary>
    CloseConnection,
}

/// <summary>What a scripted behaviour gets besides the request: the call number, the server context and the record.</summary>
public sealed class ScriptedCall
{
    internal const string ConnectionItemKey = "Spark.Connect.TestServer.Connection";
    private static readonly TimeSpan DropGracePeriod = TimeSpan.FromMilliseconds(100);

    internal ScriptedCall(int callNumber, ServerCallContext context, RecordedCall record)
    {
        CallNumber = callNumber;
        Context = context;
        Record = record;
    }

    /// <summary>1 for the first call to this RPC, 2 for the second, and so on.</summary>
    public int CallNumber { get; }

    /// <summary>The server-side call context (headers, deadline, trailers to send; <c>GetHttpContext()</c> for the HTTP request).</summary>
    public ServerCallContext Context { get; }

    /// <summary>The record of this call in <see cref="ScriptedSparkConnectServer.Calls"/>.</summary>
    public RecordedCall Record { get; }

    /// <summary>Fires when the client cancels or the deadline passes.</summary>
    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>Waits until the call is cancelled (client cancel, reset or deadline), then throws <see cref="OperationCanceledException"/>.</summary>
    public async Task StallUntilCancelledAsync()
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts the call without sending a status, as <paramref name="how"/> says. Messages already
    /// yielded reach the client first.
    /// </summary>
    public async Task DropAsync(StreamDrop how)
    {
        // Kestrel's HTTP/2 writer sends flushed messages in the background and discards whatever is
        // still queued when a stream is reset or a connection aborted; give it a moment to drain.
        await Task.Delay(DropGracePeriod).ConfigureAwait(false);
        var http = Context.GetHttpContext();
        if (how == StreamDrop.CloseConnection &&
            http.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionItemKey, out object? item) == true &&
            item is ConnectionContext connection)
        {
            connection.Abort(new ConnectionAbortedException("The scripted server dropped the connection."));
            return;
        }

        if (http.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(0x2); // INTERNAL_ERROR
            return;
        }

        http.Abort();
    }
}
