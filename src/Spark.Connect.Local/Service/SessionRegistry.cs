using System.Collections.Concurrent;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service;

/// <summary>
/// The live sessions by (user id, session id). A session is created by its first call; after
/// ReleaseSession its id is refused (INVALID_HANDLE.SESSION_CLOSED) unless the release allowed a reconnect,
/// in which case the next call creates a new server-side session.
/// </summary>
internal sealed class SessionRegistry(DuckDbDatabase database) : IDisposable
{
    private readonly ConcurrentDictionary<SessionKey, LocalSession> _sessions = new();
    private readonly ConcurrentDictionary<SessionKey, byte> _closed = new();
    private readonly Lock _createLock = new();
    private int _disposed;
    private const int MaxRememberedClosedSessions = 100_000;

    /// <summary>Global temporary views: server-wide, they outlive the sessions that created them.</summary>
    internal TempViewRegistry GlobalViews { get; } = new(global: true);

    /// <summary>The session for a request, created on first use.</summary>
    internal LocalSession Resolve(UserContext? user, string sessionId, string? observedServerSideSessionId)
    {
        var key = KeyOf(user, sessionId);
        if (_closed.ContainsKey(key))
            throw SparkErrors.SessionClosed(sessionId);
        LocalSession session;
        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (!_sessions.TryGetValue(key, out session!))
            {
                session = new LocalSession(key, database, GlobalViews);
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
