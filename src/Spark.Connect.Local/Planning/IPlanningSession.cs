using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning;

/// <summary>What the planner needs from the session it plans for (the service's session implements it).</summary>
internal interface IPlanningSession
{
    /// <summary>The session's DuckDB connection; the planner may prepare statements on it to learn column names and types.</summary>
    DuckDbConnection Connection { get; }

    /// <summary>
    /// Loads a <see cref="LocalRelation"/>'s Arrow IPC data into a table that lives as long as the
    /// session, and returns that table's (unquoted) name. Called once per LocalRelation node.
    /// </summary>
    string LoadLocalRelation(LocalRelation relation);

    /// <summary>
    /// The relation of the temporary view <paramref name="nameParts"/> names: a session temp view for one
    /// part, a global temp view for <c>global_temp.name</c>; null when it names no view (names compare
    /// case-insensitively). Views are lazy plans: the caller renders the relation in place.
    /// </summary>
    Relation? FindView(IReadOnlyList<string> nameParts);

    /// <summary>
    /// The session's Spark setting <paramref name="key"/> (as SET or the Config RPC left it), or null when unset; the
    /// few functions whose semantics a legacy setting switches read it while planning.
    /// </summary>
    string? Setting(string key) => null;

    /// <summary>The user id the session was opened with (Spark Connect's <c>UserContext.user_id</c>), which <c>current_user()</c> returns.</summary>
    string UserId => "";

    /// <summary>The SQL dialect of user SQL (<see cref="LocalSparkServerOptions.SqlDialect"/>); Spark SQL unless the host chose DuckDB's.</summary>
    SqlDialect SqlDialect => SqlDialect.Spark;

    /// <summary>
    /// The schema of the database unqualified table names resolve in (a database made with CREATE DATABASE, after
    /// <c>USE db</c>), or null for Spark's <c>default</c> (DuckDB's <c>main</c>).
    /// </summary>
    string? CurrentDatabase => null;

    /// <summary>
    /// A new name for a temporary table of the session's own connection that holds the rows of one recursive CTE's run
    /// (Spark 4.1's UnionLoop, run level by level while planning); the session drops the oldest such tables beyond a few dozen.
    /// </summary>
    string NewRecursionTable() => throw LocalEngineException.Unsupported("a recursive CTE in this planning session", "Run it through a LocalSparkServer session.");

    /// <summary>Makes the created database (its schema) current, or <c>default</c> for null (<c>setCurrentDatabase</c>).</summary>
    void UseDatabase(string? schema) => throw LocalEngineException.Unsupported("changing the current database", "Name the tables of another database as db.t.");

    /// <summary>The names of the session's temporary views, as created (for <c>spark.catalog.listTables</c>).</summary>
    IReadOnlyList<string> TemporaryViewNames() => [];

    /// <summary>Drops a session (or global) temporary view; false when there was none.</summary>
    bool DropTemporaryView(string name, bool global) => false;

    /// <summary>The tables <c>spark.catalog.cacheTable</c> marked in this session (nothing is cached; <c>isCached</c> reports them).</summary>
    System.Collections.Concurrent.ConcurrentDictionary<string, bool> CachedTables() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Carries out the Spark SQL statement (not a query) of a <c>SQL</c> relation now, as Spark's planner does when such a
    /// relation is analyzed or executed, and returns its rows as one Arrow IPC stream (no columns for DDL).
    /// </summary>
    byte[] RunStatement(SQL sql) => throw LocalEngineException.Unsupported("a statement that is not a query inside a SQL relation", "Run the statement with spark.sql.");
}
