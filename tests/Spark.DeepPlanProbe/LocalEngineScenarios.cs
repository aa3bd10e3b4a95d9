using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Linq;

namespace Spark.DeepPlanProbe;

/// <summary>
/// LINQ queries translated by Spark.Linq and run by the local engine's planner directly (no gRPC in between,
/// whose decoding has a nesting limit of its own), with the rows compared to LINQ to Objects.
/// </summary>
internal static class LocalEngineScenarios
{
    public static void ChainedWheres(int n, Action<string> report) => Scenarios.Report(report, $"{n} chained wheres", () =>
    {
        var items = Item.Range(4 * n);
        var spark = SparkSession.Connect("sc://localhost");
        var relation = LinqScenarios.Chain(spark.Table<Item>("items"), n).ToRelation();

        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        connection.ExecuteNonQuery($"CREATE TABLE items AS SELECT range AS \"Id\", 'item ' || range AS \"Name\" FROM range({items.Count})");
        var ids = ProbeSession.Ids(connection, new LocalPlanner(new ProbeSession(connection)).Plan(relation));

        IEnumerable<Item> expected = items;
        for (var i = 0; i < n; i++)
        {
            var dropped = 3L * i + 1;
            expected = expected.Where(x => x.Id != dropped);
        }
        var same = ids.Order().SequenceEqual(expected.Select(x => x.Id).Order());
        return $"{ids.Count} rows, {(same ? "as LINQ to Objects" : "NOT as LINQ to Objects")}";
    });
}
