using System.Collections.Concurrent;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Service.Operations;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service;

/// <summary>
/// The live sessions by (user id, session id). A session is created by its first call; after
/// ReleaseSession its id is refused (INVALID_HANDLE.SESSION_CLOSED) unless the release allowed a reconnect,
/// in which case the next call creates a new server-side session. At most
/// <see cref="LocalSparkServerOptions.MaxSessions"/> live at once: a new one beyond that first ends the sessions
/// already idle for longer than the idle timeout (those Spark's session manager would end at its next sweep), and
/// is refused when none is; a session still in use is never ended to make room, since its temporary state would vanish.
/// </summary>
internal sealed class SessionRegistry : IDisposable
{
    private readonly DuckDbDatabase _database;
    private readonly int _maxSessions;
    private readonly TimeSpan _idleTimeout;
    private readonly SqlDialect _dialect;
    private readonly DetachedOperationSweeper _sweeper;
    private readonly ConcurrentDictionary<SessionKey, LocalSession> _sessions = new();
    private readonly ConcurrentDictionary<SessionKey, byte> _closed = new();
    private readonly Lock _createLock = new();
    private int _disposed;
    private const int MaxRememberedClosedSessions = 100_000;

    internal SessionRegistry(DuckDbDatabase database, LocalSparkServerOptions options)
    {
        _database = database;
        _maxSessions = options.MaxSessions;
        _idleTimeout = options.SessionIdleTimeout;
        _dialect = options.SqlDialect;
        Limits = new OperationLimits(options);
        _sweeper = new DetachedOperationSweeper(() => _sessions.Values, Limits);
    }

    /// <summary>The bounds every session's operations share (held bytes, replay bound, detached timeout, tombstones).</summary>
    internal OperationLimits Limits { get; }

    /// <summary>Removes operations detached for longer than the timeout now (the periodic sweep does it too); returns how many.</summary>
    internal int EndDetachedOperations() => _sweeper.Sweep();

    /// <summary>Global temporary views: server-wide, they outlive the sessions that created them.</summary>
    internal TempViewRegistry GlobalViews { get; } = new(global: true);

    /// <summary>The session for a request, created on first use.</summary>
    internal LocalSession Resolve(UserContext? user, string sessionId, string? observedServerSideSessionId)
    {
        var key = KeyOf(user, sessionId);
        if (_closed.ContainsKey(key))
            throw SparkErrors.SessionClosed(sessionId);
        if (!_sessions.ContainsKey(key) && _sessions.Count >= _maxSessions)
            EndIdleSessions(DateTimeOffset.UtcNow, _idleTimeout);
        LocalSession session;
        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (!_sessions.TryGetValue(key, out session!))
            {
                if (_sessions.Count >= _maxSessions)
                    throw SparkErrors.TooManySessions(_maxSessions);
                session = new LocalSession(key, _database, GlobalViews, Limits) { SqlDialect = _dialect };
                _sessions[key] = session;
            }
        }
        if (!string.IsNullOrEmpty(observedServerSideSessionId) && observedServerSideSessionId != session.ServerSideSessionId)
            throw SparkErrors.SessionChanged(sessionId);
        session.Touch();
        return session;
    }

    /// <summary>Ends a session (if it exists) and returns its server-side id, or null when there was none.</summary>
    internal string? Release(UserContext? user, string sessionId, bool allowReconnect)
    {
        var key = KeyOf(user, sessionId);
        if (!allowReconnect)
        {
            // Remembering every closed id forever would grow without bound; forgetting very old ones only
            // lets such an id start a fresh session.
            if (_closed.Count >= MaxRememberedClosedSessions)
                _closed.Clear();
            _closed[key] = 0;
        }
        LocalSession? session;
        lock (_createLock)
            _sessions.TryRemove(key, out session);
        if (session is null)
            return null;
        session.Dispose();
        return session.ServerSideSessionId;
    }

    internal IEnumerable<LocalSession> All => _sessions.Values;

    /// <summary>Ends sessions unused for longer than <paramref name="idleTimeout"/> at <paramref name="now"/>, unless busy; returns how many.</summary>
    internal int EndIdleSessions(DateTimeOffset now, TimeSpan idleTimeout)
    {
        var ended = 0;
        foreach (var session in _sessions.Values)
        {
            if (now - session.LastUsed <= idleTimeout || session.HasRunningOperation)
                continue;
            Release(new UserContext { UserId = session.Key.UserId }, session.Key.SessionId, allowReconnect: false);
            ended++;
        }
        return ended;
    }

    public void Dispose()
    {
        lock (_createLock)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
        }
        _sweeper.Dispose();
        foreach (var session in _sessions.Values)
            session.Dispose();
        _sessions.Clear();
    }

    private static SessionKey KeyOf(UserContext? user, string sessionId)
    {
        if (!Guid.TryParse(sessionId, out _))
            throw SparkErrors.InvalidHandleFormat("session id", sessionId);
        return new SessionKey(user?.UserId ?? string.Empty, sessionId);
    }
}
