using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spark.Connect.Diagnostics;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// A Spark Connect session: runs plans, analyzes them, reads and writes configuration, interrupts
/// operations and releases the session. Thread-safe; one instance per logical Spark session.
/// Creating it does no I/O: the connection opens with the first call.
/// </summary>
public sealed partial class SparkConnectClient : IAsyncDisposable
{
    private readonly SparkConnectionString _connection;
    private readonly SparkConnectClientOptions _options;
    private readonly SparkErrorConverter _errors;
    private readonly HashSet<Task> _background = [];
    private int _disposed;

    private SparkConnectClient(SparkConnectionString connection, SparkConnectClientOptions options)
    {
        options.Validate();
        _connection = connection;
        _options = options;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SparkConnectClient>();
        Session = new SessionContext(connection, options.ClientType);
        Transport = options.TransportFactory?.Invoke(connection) ?? DefaultTransportFactory.Create(connection, options);
        Telemetry = new ClientTelemetry(connection, options, Logger);
        Retrier = new Retrier(options.RetryPolicy, new ServerReachability(connection, options.InitialConnectTimeout), Telemetry, options.RetryDelay);
        _errors = new SparkErrorConverter(FetchErrorDetailsAsync, Logger);
    }

    /// <summary>Creates a session for <paramref name="connectionString"/> (<c>sc://host[:port]/;…</c>).</summary>
    /// <exception cref="FormatException">The connection string is malformed; the message names the bad part.</exception>
    public static SparkConnectClient Create(string connectionString) =>
        Create(new SparkConnectClientOptions { ConnectionString = connectionString });

    /// <summary>Creates a session from <paramref name="options"/>.</summary>
    public static SparkConnectClient Create(SparkConnectClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = options.ConnectionString is { } text
            ? SparkConnectionString.Parse(text, options.AllowTokenWithoutTls)
            : SparkConnectionString.FromEnvironment()
              ?? throw new ArgumentException("No connection string: set SparkConnectClientOptions.ConnectionString or the SPARK_REMOTE environment variable.", nameof(options));
        return new SparkConnectClient(connection, options);
    }

    /// <summary>The session id sent with every request.</summary>
    public string SessionId => Session.SessionId;

    /// <summary>The server-side session id reported by the server, once a call has answered.</summary>
    public string? ServerSideSessionId => Session.ServerSideSessionId;

    /// <summary>The <c>client_type</c> string sent with every request.</summary>
    public string ClientType => Session.ClientType;

    internal SessionContext Session { get; }
    internal SparkConnectClientOptions Options => _options;
    internal IGrpcTransport Transport { get; }
    internal Retrier Retrier { get; }
    internal ILogger Logger { get; }
    internal ClientTelemetry Telemetry { get; }

    /// <summary>The server's host:port, as the connection string names it (for messages; never the token).</summary>
    internal string ServerEndpoint => Retrier.Reachability.Endpoint;

    /// <summary>The deepest request this client sends (<see cref="SparkConnectClientOptions.MaxPlanDepth"/>).</summary>
    internal int MaxPlanDepth => _options.MaxPlanDepth;

    /// <summary>
    /// Runs <paramref name="plan"/> and yields the server's responses as they arrive: Arrow batches,
    /// the schema, execution progress, metrics and, last, <c>result_complete</c>. Reattach, release
    /// and retries happen inside; a server error surfaces as <see cref="SparkException"/>. Cancelling
    /// stops the stream and interrupts the operation on the server.
    /// </summary>
    public IAsyncEnumerable<ExecutePlanResponse> ExecutePlanAsync(Plan plan, ExecutePlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ThrowIfDisposed();
        options ??= new ExecutePlanOptions();
        var reattachable = options.Reattachable ?? _options.ReattachableExecution;
        var request = Session.Stamp(new ExecutePlanRequest { Plan = plan, OperationId = options.OperationId ?? Guid.NewGuid().ToString() });
        PlanDepth.Check(request, _options.MaxPlanDepth);
        foreach (var tag in options.Tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(',', StringComparison.Ordinal))
                throw new ArgumentException($"Operation tags may not be empty or contain ','; got '{tag}'.", nameof(options));
            request.Tags.Add(tag);
        }
        if (reattachable)
            request.RequestOptions.Add(new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } });
        return new ExecutionStream(this, request, reattachable).RunAsync(cancellationToken);
    }

    /// <summary>Calls AnalyzePlan with a prepared request; the session fields are filled in.</summary>
    public async Task<AnalyzePlanResponse> AnalyzePlanAsync(AnalyzePlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        PlanDepth.Check(request, _options.MaxPlanDepth);
        var response = await CallAsync(SparkConnectMethods.AnalyzePlan, Session.Stamp(request), cancellationToken).ConfigureAwait(false);
        Session.Observe(response.ServerSideSessionId);
        return response;
    }

    /// <summary>Calls Config with <paramref name="operation"/>; returns the server's pairs and warnings.</summary>
    public async Task<ConfigResponse> ConfigAsync(ConfigRequest.Types.Operation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var request = Session.Stamp(new ConfigRequest { Operation = operation });
        var response = await CallAsync(SparkConnectMethods.Config, request, cancellationToken).ConfigureAwait(false);
        Session.Observe(response.ServerSideSessionId);
        return response;
    }

    /// <summary>
    /// Ends the server session (its temporary views and configuration are dropped). With
    /// <paramref name="allowReconnect"/> the same session id may be used again later.
    /// </summary>
    public Task ReleaseSessionAsync(bool allowReconnect = false, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return ReleaseSessionCoreAsync(allowReconnect, cancellationToken);
    }

    private async Task ReleaseSessionCoreAsync(bool allowReconnect, CancellationToken cancellationToken)
    {
        var request = Session.Stamp(new ReleaseSessionRequest { AllowReconnect = allowReconnect });
        await CallCoreAsync(SparkConnectMethods.ReleaseSession, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits (at most 10 s) for the clean-up of interrupted executions, releases the server session (best effort,
    /// bounded in time) and closes the connection.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await BackgroundWorkAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Logger.LogDebug("Clean-up of interrupted executions was still running when session {SessionId} closed.", SessionId);
        }
        // Only a session the server has seen needs releasing; skip the round trip otherwise.
        if (Session.ServerSideSessionId is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await ReleaseSessionCoreAsync(allowReconnect: false, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is GrpcException or SparkException or OperationCanceledException)
            {
                Logger.LogDebug(error, "Releasing session {SessionId} failed; the server will expire it.", SessionId);
            }
        }
        await Transport.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"SparkConnectClient({_connection}, session {SessionId})";

    /// <summary>
    /// A unary call with retries (unless <paramref name="retry"/> is false), the session's headers, the unary timeout (or
    /// <paramref name="timeout"/>), a span and errors converted.
    /// </summary>
    internal async Task<TResponse> CallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken,
        TimeSpan? timeout = null, bool retry = true)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ThrowIfDisposed();
        return await CallCoreAsync(method, request, cancellationToken, timeout, retry).ConfigureAwait(false);
    }

    private async Task<TResponse> CallCoreAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken,
        TimeSpan? timeout = null, bool retry = true)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var callOptions = Session.CallOptions with { Timeout = timeout ?? _options.UnaryCallTimeout };
        var telemetry = Telemetry.StartCall(method.MethodName, request);
        try
        {
            Task<TResponse> Call(CancellationToken ct) => Transport.UnaryCallAsync(method, request, callOptions, ct);
            var response = retry
                ? await Retrier.RunAsync(Call, method.MethodName, cancellationToken).ConfigureAwait(false)
                : await Retrier.RunOnceAsync(Call, cancellationToken).ConfigureAwait(false);
            telemetry.Succeeded();
            return response;
        }
        catch (GrpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            var converted = await ConvertErrorAsync(error, cancellationToken).ConfigureAwait(false);
            telemetry.Failed(converted);
            throw converted;
        }
        catch (Exception error)
        {
            telemetry.Failed(error);
            throw;
        }
    }

    internal Task<Exception> ConvertErrorAsync(GrpcException error, CancellationToken cancellationToken) =>
        _errors.ConvertAsync(error, cancellationToken);

    /// <summary>A housekeeping call whose failure must not hide the caller's result or error.</summary>
    internal async Task SendBestEffortAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, string what)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Transport.UnaryCallAsync(method, request, Session.CallOptions with { Timeout = TimeSpan.FromSeconds(10) }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is GrpcException or OperationCanceledException or ObjectDisposedException)
        {
            Logger.LogDebug(error, "{What} failed (best effort).", what);
        }
    }

    /// <summary>
    /// Runs housekeeping (interrupt and release of an execution the caller left) without making the caller wait; the work
    /// bounds its own calls in time, and <see cref="DisposeAsync"/> waits for it briefly.
    /// </summary>
    internal void RunInBackground(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_background)
        {
            _background.RemoveWhere(t => t.IsCompleted);
            _background.Add(task);
        }
    }

    /// <summary>Completes when the housekeeping started so far has finished.</summary>
    internal Task BackgroundWorkAsync()
    {
        lock (_background)
            return Task.WhenAll(_background.ToArray());
    }

    internal ReleaseExecuteRequest NewReleaseExecuteRequest(string operationId) => Session.Stamp(new ReleaseExecuteRequest { OperationId = operationId });

    internal InterruptRequest NewInterruptRequest(string operationId) =>
        Session.Stamp(new InterruptRequest { InterruptType = InterruptRequest.Types.InterruptType.OperationId, OperationId = operationId });

    private Task<FetchErrorDetailsResponse> FetchErrorDetailsAsync(string errorId, CancellationToken cancellationToken)
    {
        var request = Session.Stamp(new FetchErrorDetailsRequest { ErrorId = errorId });
        return Transport.UnaryCallAsync(SparkConnectMethods.FetchErrorDetails, request, Session.CallOptions with { Timeout = _options.UnaryCallTimeout }, cancellationToken);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
