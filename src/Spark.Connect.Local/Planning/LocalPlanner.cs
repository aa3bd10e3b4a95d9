using Spark.Connect;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// Turns a Spark Connect <see cref="Relation"/> into one DuckDB statement for a session.
/// Placeholder until the planner lands: reads named tables and passes SQL relations without arguments.
/// </summary>
internal sealed class LocalPlanner
{
    private readonly IPlanningSession _session;

    internal LocalPlanner(IPlanningSession session) => _session = session;

    /// <summary>Plans <paramref name="relation"/>; throws <see cref="LocalEngineException"/> for anything it can't run.</summary>
    internal PlannedQuery Plan(Relation relation)
    {
        _ = _session;
        return relation.RelTypeCase switch
        {
            Relation.RelTypeOneofCase.Read when relation.Read.ReadTypeCase == Read.ReadTypeOneofCase.NamedTable =>
                new PlannedQuery($"SELECT * FROM {SqlIdentifiers.Quote(relation.Read.NamedTable.UnparsedIdentifier)}", []),
            Relation.RelTypeOneofCase.Sql when relation.Sql.NamedArguments.Count == 0 && relation.Sql.PosArguments.Count == 0 =>
                new PlannedQuery(relation.Sql.Query, []),
            _ => throw LocalEngineException.Unsupported($"the relation '{relation.RelTypeCase}'", "See docs/local-engine.md."),
        };
    }

    /// <summary>Prepares a planned query on <paramref name="connection"/> with its parameters bound.</summary>
    internal static DuckDbPreparedStatement Prepare(DuckDbConnection connection, PlannedQuery query)
    {
        if (query.Parameters.Count != 0)
            throw LocalEngineException.Unsupported("bound literals", "The planner placeholder binds none.");
        return connection.Prepare(query.Sql);
    }
}
