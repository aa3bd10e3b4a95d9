using Google.Protobuf;

namespace Spark.Connect.TestServer;

/// <summary>One call the scripted server received: what was asked, with which headers, and how it ended.</summary>
public sealed class RecordedCall
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RecordedCall(string rpc, int callNumber, IMessage request, IReadOnlyList<KeyValuePair<string, string>> headers, DateTimeOffset? deadline)
    {
        Rpc = rpc;
        CallNumber = callNumber;
        Request = request;
        Headers = headers;
        Deadline = deadline;
    }

    /// <summary>The RPC name, e.g. <c>ExecutePlan</c>.</summary>
    public string Rpc { get; }

    /// <summary>1 for the first call to this RPC, 2 for the second, and so on.</summary>
    public int CallNumber { get; }

    /// <summary>The parsed request message.</summary>
    public IMessage Request { get; }

    /// <summary>The request headers (lower-case names), including metadata such as <c>authorization</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The deadline the client sent (<c>grpc-timeout</c>), if any.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Completes when the handler saw the call cancelled (client cancel, reset or deadline) while it was running.</summary>
    public Task Cancelled => _cancelled.Task;

    /// <summary>True once <see cref="Cancelled"/> completed.</summary>
    public bool CancellationObserved => _cancelled.Task.IsCompleted;

    /// <summary>Completes when the handler finished, however it ended.</summary>
    public Task Finished => _finished.Task;

    /// <summary>The request as <typeparamref name="T"/>.</summary>
    public T RequestAs<T>() where T : IMessage => (T)Request;

    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public string? GetHeader(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <inheritdoc />
    public override string ToString() => $"{Rpc} #{CallNumber}";

    internal void MarkCancelled() => _cancelled.TrySetResult();

    internal void MarkFinished() => _finished.TrySetResult();
}
