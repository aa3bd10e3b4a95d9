using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Protocol;

namespace Spark.DeepPlanProbe;

/// <summary>The planner's view of a session: one DuckDB connection and a few temporary views.</summary>
internal sealed class ProbeSession(DuckDbConnection connection) : IPlanningSession
{
    public DuckDbConnection Connection => connection;

    public Dictionary<string, Relation> Views { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string LoadLocalRelation(LocalRelation relation) => throw new NotSupportedException("The probe reads no local data.");

    public Relation? FindView(IReadOnlyList<string> nameParts) => nameParts.Count == 1 ? Views.GetValueOrDefault(nameParts[0]) : null;

    /// <summary>How many rows the planned query returns.</summary>
    public static long Count(DuckDbConnection connection, PlannedQuery query)
    {
        using var statement = LocalPlanner.Prepare(connection, query);
        using var result = statement.Execute();
        var rows = 0L;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk) rows += chunk.RowCount;
        }
        return rows;
    }

    /// <summary>The first column of the planned query's rows, read as numbers.</summary>
    public static List<long> Ids(DuckDbConnection connection, PlannedQuery query)
    {
        var text = new PlannedQuery($"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ({query.Sql}) AS probe", query.Parameters);
        using var statement = LocalPlanner.Prepare(connection, text);
        using var result = statement.Execute();
        var ids = new List<long>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                    ids.Add(long.Parse(chunk.GetVector(0).GetString(row), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return ids;
    }
}
