using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service;

/// <summary>
/// A connection of its own for one read-only statement of a session whose connection is busy streaming
/// another result (say, a query run while the caller is still reading an earlier one). It sees exactly
/// what the session's connection sees only while the session has no temporary state, so the session
/// hands one out only then; anything that needs the session's own connection (loading local data, a
/// statement that is not a plain query) raises <see cref="NeedsSessionConnectionException"/> and the
/// caller waits for the session's connection instead.
/// </summary>
internal sealed class SideConnection(DuckDbConnection connection, IPlanningSession owner) : IPlanningSession, IDisposable
{
    public DuckDbConnection Connection { get; } = connection;

    /// <summary>The session's views: they are plans, not connection state, so a side connection sees them too.</summary>
    public Relation? FindView(IReadOnlyList<string> nameParts) => owner.FindView(nameParts);

    /// <inheritdoc />
    public IReadOnlyList<string> TemporaryViewNames() => owner.TemporaryViewNames();

    /// <inheritdoc />
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> CachedTables() => owner.CachedTables();

    /// <inheritdoc />
    public bool DropTemporaryView(string name, bool global) => owner.DropTemporaryView(name, global);

    public string LoadLocalRelation(LocalRelation relation) => throw new NeedsSessionConnectionException();

    // A statement changes what the session sees: it runs on the session's own connection.
    public byte[] RunStatement(SQL sql) => throw new NeedsSessionConnectionException();

    /// <inheritdoc />
    public string? CurrentDatabase => owner.CurrentDatabase;

    /// <inheritdoc />
    public string NewRecursionTable() => throw new NeedsSessionConnectionException();

    /// <inheritdoc />
    public void UseDatabase(string? schema) => owner.UseDatabase(schema);

    /// <summary>Stops the running statement; safe to call from any thread, also after disposal.</summary>
    public void Interrupt()
    {
        try
        {
            Connection.Interrupt();
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: nothing left to stop.
        }
    }

    /// <summary>
    /// True for statements that only read (they start with SELECT or FROM), which cannot create anything a
    /// later statement of the session would miss on another connection.
    /// </summary>
    internal static bool IsReadOnly(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("("))
            text = text[1..].TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("FROM", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Connection.Dispose();
}

/// <summary>The work needs the session's own connection; the caller falls back to waiting for it.</summary>
internal sealed class NeedsSessionConnectionException : Exception
{
    public NeedsSessionConnectionException() : base("This statement must run on the session's own connection.") { }

    /// <summary>True when <paramref name="error"/> or one of its causes (a planner may wrap it) is this signal.</summary>
    internal static bool IsIn(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is NeedsSessionConnectionException)
                return true;
        }
        return false;
    }
}
