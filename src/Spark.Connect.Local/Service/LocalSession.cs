using System.Collections.Concurrent;
using Spark.Connect.Local.Data;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Service.Operations;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service;

/// <summary>Identifies a client session: Spark scopes session ids by user.</summary>
internal readonly record struct SessionKey(string UserId, string SessionId);

/// <summary>
/// One client session: its own DuckDB connection (so its temporary tables are its own), configuration,
/// running and buffered operations, and recent errors. A DuckDB connection streams one result at a
/// time, so operations take turns on it: an operation holds the connection from its first row until
/// its result is exhausted, fails, is interrupted or is released.
/// </summary>
internal sealed class LocalSession : IPlanningSession, IDisposable
{
    private readonly SemaphoreSlim _connectionTurn = new(1, 1);
    private readonly Lock _ownerLock = new();
    private object? _owner;
    private int _localRelations;
    private int _disposed;
    private string? _appliedTimeZone;
    private readonly DuckDbDatabase _database;
    private volatile bool _hasTemporaryState;

    internal LocalSession(SessionKey key, DuckDbDatabase database, TempViewRegistry globalViews, OperationLimits limits)
    {
        Key = key;
        _database = database;
        GlobalViews = globalViews;
        Limits = limits;
        HeldBytes = limits.Memory.NewSession();
        Connection = database.Connect();
        ApplyConfig();
    }

    public SessionKey Key { get; }

    private long _lastUsedTicks = DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>When a call last used this session.</summary>
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    internal void Touch() => Interlocked.Exchange(ref _lastUsedTicks, DateTimeOffset.UtcNow.UtcTicks);

    /// <summary>True while an operation can still produce (not finished, failed or released).</summary>
    internal bool HasRunningOperation => Operations.Values.Any(o => o.IsRunning);

    /// <summary>Identifies this incarnation of the session; a new one after a release and reconnect.</summary>
    public string ServerSideSessionId { get; } = Guid.NewGuid().ToString();

    public DuckDbConnection Connection { get; }

    /// <summary>The server's <see cref="LocalSparkServerOptions.SqlDialect"/>.</summary>
    public SqlDialect SqlDialect { get; init; } = SqlDialect.Spark;

    public SessionConfig Config { get; } = new();

    public ErrorStore Errors { get; } = new();

    /// <summary>The storage levels of the DataFrames persisted in this session (nothing is cached; see <see cref="PersistedPlans"/>).</summary>
    public PersistedPlans Persisted { get; } = new();

    public ConcurrentDictionary<string, ExecuteOperation> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>The server's bounds on operations (replay bytes, held bytes, detached timeout).</summary>
    internal OperationLimits Limits { get; }

    /// <summary>The bytes of responses this session's operations hold, against the per-session bound.</summary>
    internal HeldBytes HeldBytes { get; }

    /// <summary>
    /// Registers a new operation under <paramref name="operationId"/>: a live one of that id is
    /// <c>OPERATION_ALREADY_EXISTS</c>, one removed as abandoned <c>OPERATION_ABANDONED</c> (as Spark, so a retried
    /// ExecutePlan never runs twice).
    /// </summary>
    internal ExecuteOperation StartOperation(string operationId, IEnumerable<string> tags, bool reattachable, Plan plan, Results.DuckDbArrowConverter converter)
    {
        if (Limits.Abandoned.Contains(Key, operationId))
            throw SparkErrors.OperationAbandoned(operationId);
        var operation = new ExecuteOperation(this, operationId, tags, reattachable, plan, converter);
        if (!Operations.TryAdd(operationId, operation))
        {
            operation.Discard();
            throw SparkErrors.OperationAlreadyExists(operationId);
        }
        return operation;
    }

    /// <summary>The operation a ReattachExecute names; Spark's error when it is gone, abandoned or not reattachable.</summary>
    internal ExecuteOperation FindReattachable(string operationId)
    {
        if (!Operations.TryGetValue(operationId, out var operation))
            throw Limits.Abandoned.Contains(Key, operationId) ? SparkErrors.OperationAbandoned(operationId) : SparkErrors.OperationNotFound(operationId);
        return operation.Reattachable ? operation : throw SparkErrors.NotReattachable(operationId);
    }

    /// <summary>This session's temporary views (no other session sees them).</summary>
    internal TempViewRegistry TempViews { get; } = new(global: false);

    /// <summary>The server's global temporary views, shared by every session.</summary>
    internal TempViewRegistry GlobalViews { get; }

    /// <summary>A session temp view for a one-part name, a global one for <c>global_temp.name</c>; null otherwise.</summary>
    public string? Setting(string key) => Config.Get(key);

    /// <inheritdoc />
    public string UserId => Key.UserId;

    public Relation? FindView(IReadOnlyList<string> nameParts) => TempViewRegistry.Find(TempViews, GlobalViews, nameParts);

    /// <inheritdoc />
    public IReadOnlyList<string> TemporaryViewNames() => TempViews.Names();

    private readonly ConcurrentDictionary<string, bool> _cachedTables = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ConcurrentDictionary<string, bool> CachedTables() => _cachedTables;

    /// <inheritdoc />
    public bool DropTemporaryView(string name, bool global) => (global ? GlobalViews : TempViews).Drop(name);

    /// <inheritdoc />
    public string? CurrentDatabase { get; set; }

    /// <inheritdoc />
    public void UseDatabase(string? schema) => CurrentDatabase = schema;

    /// <inheritdoc />
    public byte[] RunStatement(SQL sql)
    {
        MarkTemporaryState();
        return Commands.SqlCommandHandler.StatementRows(this, sql);
    }

    /// <summary>Loads the Arrow data into a temporary table of this session's connection.</summary>
    public string LoadLocalRelation(LocalRelation relation)
    {
        _hasTemporaryState = true;
        var name = $"spark_local_relation_{Interlocked.Increment(ref _localRelations)}";
        LocalRelationLoader.Load(Connection, name, relation);
        return name;
    }

    // Recursive CTE runs kept, oldest first: a query's plan may be resolved again (schema, then execution), each run
    // making its own table, so older ones are dropped past this many.
    private const int KeptRecursionTables = 64;
    private readonly Queue<string> _recursionTables = new();
    private int _recursionTableCount;

    /// <inheritdoc />
    public string NewRecursionTable()
    {
        _hasTemporaryState = true;
        var name = $"spark_recursive_cte_{Interlocked.Increment(ref _recursionTableCount)}";
        _recursionTables.Enqueue(name);
        if (_recursionTables.Count > KeptRecursionTables)
            Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {SqlIdentifiers.Quote(_recursionTables.Dequeue())}");
        return name;
    }

    /// <summary>Records that a statement may have created state only this session's connection sees (temp tables, settings).</summary>
    internal void MarkTemporaryState() => _hasTemporaryState = true;

    /// <summary>Takes the connection if it is free right now.</summary>
    internal bool TryTakeConnection(object owner, out IDisposable? lease)
    {
        lease = null;
        if (Volatile.Read(ref _disposed) != 0 || !_connectionTurn.Wait(0))
            return false;
        lock (_ownerLock)
            _owner = owner;
        lease = new Lease(this, owner);
        return true;
    }

    /// <summary>
    /// A fresh connection for a read-only statement while the session's own one is busy, or null when the
    /// session has temporary state another connection would not see.
    /// </summary>
    internal SideConnection? TryOpenSideConnection()
    {
        if (_hasTemporaryState || Volatile.Read(ref _disposed) != 0)
            return null;
        var side = new SideConnection(_database.Connect(), this);
        try
        {
            var timeZone = Config.Get("spark.sql.session.timeZone") ?? "UTC";
            side.Connection.ExecuteNonQuery($"SET TimeZone = {SqlLiterals.QuoteString(timeZone)}");
            return side;
        }
        catch (DuckDbException)
        {
            // An unknown zone: let the session's connection report it.
            side.Dispose();
            return null;
        }
    }

    /// <summary>Waits for the connection; the returned lease gives it back when disposed.</summary>
    internal async Task<IDisposable> AcquireConnectionAsync(object owner, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
            throw SparkErrors.SessionClosed(Key.SessionId);
        await _connectionTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_ownerLock)
            _owner = owner;
        var lease = new Lease(this, owner);
        if (Volatile.Read(ref _disposed) != 0)
        {
            lease.Dispose();
            throw SparkErrors.SessionClosed(Key.SessionId);
        }
        return lease;
    }

    /// <summary>
    /// Brings the connection in line with the session's Spark configuration (today the session time zone,
    /// which DuckDB uses for TIMESTAMPTZ arithmetic and casts). Called while holding the connection, before a statement.
    /// </summary>
    internal void ApplyConfig()
    {
        var timeZone = Config.Get("spark.sql.session.timeZone") ?? "UTC";
        if (timeZone == _appliedTimeZone)
            return;
        try
        {
            Connection.ExecuteNonQuery($"SET TimeZone = {SqlLiterals.QuoteString(timeZone)}");
        }
        catch (DuckDbException error)
        {
            throw new LocalEngineException("INVALID_CONF_VALUE.TIME_ZONE", "22023",
                $"The value '{timeZone}' of spark.sql.session.timeZone is not a time zone DuckDB knows; use a region id such as 'Europe/Paris' or 'UTC'.",
                new Dictionary<string, string> { ["confValue"] = timeZone, ["confName"] = "spark.sql.session.timeZone" }, error);
        }
        _appliedTimeZone = timeZone;
    }

    /// <summary>Interrupts the running DuckDB statement, but only if <paramref name="owner"/> is the one running.</summary>
    internal void InterruptIfRunning(object owner)
    {
        lock (_ownerLock)
        {
            if (ReferenceEquals(_owner, owner))
                Connection.Interrupt();
        }
    }

    /// <summary>Interrupts the matching operations; returns the ids of those that had not ended yet.</summary>
    internal IReadOnlyList<string> Interrupt(Func<ExecuteOperation, bool> match) =>
        Operations.Values.Where(match).Where(operation => operation.Interrupt()).Select(operation => operation.OperationId).ToList();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        foreach (var operation in Operations.Values)
            operation.Interrupt();
        foreach (var operation in Operations.Values)
            operation.ReleaseAllAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        Operations.Clear();
        Connection.Dispose();
    }

    private sealed class Lease(LocalSession session, object owner) : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) != 0)
                return;
            lock (session._ownerLock)
            {
                if (ReferenceEquals(session._owner, owner))
                    session._owner = null;
            }
            session._connectionTurn.Release();
        }
    }
}
