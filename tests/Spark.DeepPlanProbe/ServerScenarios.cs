using Google.Protobuf;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Resolution;
using Spark.Connect.Protocol;

namespace Spark.DeepPlanProbe;

/// <summary>Deep relations given to the local engine's planner directly, as the service would after decoding a request.</summary>
internal static class ServerScenarios
{
    /// <summary>The deepest message Spark Connect's gRPC decoding accepts (its recursion limit).</summary>
    private const int DecodeLimit = 1024;

    // Additions at the limit plan quickly but take DuckDB seconds to bind; the other expression shapes cover the same walks.
    public static readonly string[] Shapes = ["filters", "projects", "unions", "ors", "nots", "whens", "aliases", "arrays"];

    /// <summary>Relations far deeper than any request can be: refused before anything recurses over them.</summary>
    public static void PlanDeepRelations(int n, Action<string> report)
    {
        using var engine = new Engine();
        Scenarios.Report(report, $"{n} filters", () => engine.Run(DeepRelations.Filters(n)));
        Scenarios.Report(report, $"{n} additions", () => engine.Run(DeepRelations.Shape("additions", n)));
    }

    /// <summary>
    /// Each shape at the deepest a request can be (what protobuf's own parser accepts with the server's recursion
    /// limit) and one level deeper, planned and run: rows, or a clear refusal.
    /// </summary>
    public static void PlanAtTheLimit(int _, Action<string> report)
    {
        using var engine = new Engine();
        foreach (var shape in Shapes)
        {
            var n = DeepestAccepted(shape);
            Scenarios.Report(report, $"{shape} at the limit", () => $"nested {n} times, " + engine.Run(DeepRelations.Shape(shape, n)));
            Scenarios.Report(report, $"{shape} over the limit", () => $"nested {n + 1} times, " + engine.Run(DeepRelations.Shape(shape, n + 1)));
        }
        // Views add their own depth where they are read: three views of 400 filters each, read through one another.
        engine.Session.Views["v1"] = DeepRelations.Filters(400);
        engine.Session.Views["v2"] = DeepRelations.Filters(400, DeepRelations.Table("v1"));
        Scenarios.Report(report, "views of views", () => engine.Run(DeepRelations.Filters(400, DeepRelations.Table("v2"))));
    }

    /// <summary>A data type written as DDL text, nested <paramref name="n"/> levels.</summary>
    public static void ParseDeepType(int n, Action<string> report) => Scenarios.Report(report, $"{n} nested arrays", () =>
    {
        var text = string.Concat(Enumerable.Repeat("array<", n)) + "int" + new string('>', n);
        var type = DdlSchema.Parse(text);
        return $"parsed a type of {type.CalculateSize():N0} bytes";
    });

    private static int DeepestAccepted(string shape)
    {
        var (low, high) = (1, 2);
        while (Decodes(DeepRelations.Shape(shape, high))) (low, high) = (high, high * 2);
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Decodes(DeepRelations.Shape(shape, middle))) low = middle;
            else high = middle;
        }
        return low;
    }

    private static bool Decodes(Relation relation)
    {
        try
        {
            var input = CodedInputStream.CreateWithLimits(new MemoryStream(relation.ToByteArray()), int.MaxValue, DecodeLimit);
            Relation.Parser.ParseFrom(input);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    /// <summary>An in-memory DuckDB with a small <c>people</c> table, and a planning session over it.</summary>
    private sealed class Engine : IDisposable
    {
        private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
        private readonly DuckDbConnection _connection;

        public Engine()
        {
            _connection = _database.Connect();
            _connection.ExecuteNonQuery("CREATE TABLE people AS SELECT range::INTEGER AS id, 'p' || range AS name FROM range(5)");
            Session = new ProbeSession(_connection);
        }

        public ProbeSession Session { get; }

        public string Run(Relation relation)
        {
            var planned = new LocalPlanner(Session).Plan(relation);
            return $"{ProbeSession.Count(_connection, planned)} rows";
        }

        public void Dispose()
        {
            _connection.Dispose();
            _database.Dispose();
        }
    }
}
