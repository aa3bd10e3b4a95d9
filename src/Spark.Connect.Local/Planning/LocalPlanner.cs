using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Relations;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// Turns a Spark Connect <see cref="Relation"/> into one DuckDB statement for a session. The SQL text is
/// built only from the plan's structure; every value travels as a bound parameter (see docs/local-engine.md, "Planner").
/// </summary>
internal sealed class LocalPlanner
{
    private readonly IPlanningSession _session;

    internal LocalPlanner(IPlanningSession session) => _session = session;

    /// <summary>Plans <paramref name="relation"/>; throws <see cref="LocalEngineException"/> for anything it can't run.</summary>
    internal PlannedQuery Plan(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        var context = new PlanningContext(_session);
        var source = new RelationRenderer(context).Render(relation);
        return new PlannedQuery(source.ToQuery(), context.Parameters.ToList());
    }

    /// <summary>Prepares a planned query on <paramref name="connection"/> with its parameters bound.</summary>
    internal static DuckDbPreparedStatement Prepare(DuckDbConnection connection, PlannedQuery query)
    {
        var statement = connection.Prepare(query.Sql);
        try
        {
            for (var i = 0; i < query.Parameters.Count; i++)
                LiteralBinder.Bind(statement, i + 1, query.Parameters[i]);
            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }
}
