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
}
