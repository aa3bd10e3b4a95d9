using Spark.Connect;
using Spark.Connect.Local.Planning;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Runs Spark SQL text through the SQL relation on the real function catalog, over the planner tests' tables.</summary>
public abstract class SparkSqlTestBase : PlannerTestBase
{
    [SetUp]
    public void UseRealCatalog() => Functions = null;

    internal Relation Sql(string query, Dictionary<string, Literal>? args = null, Literal[]? positional = null)
    {
        var sql = new SQL { Query = query };
        foreach (var (name, value) in args ?? [])
            sql.Args[name] = value;
        sql.PosArgs.AddRange(positional ?? []);
        return New(r => r.Sql = sql);
    }

    /// <summary>The rows of <paramref name="query"/> as "a|b" lines.</summary>
    internal List<string> Query(string query) => Lines(Sql(query));

    /// <summary>The Spark output schema of <paramref name="query"/>: "name:type" per column.</summary>
    internal List<string> Schema(string query) =>
        Plan(Sql(query)).Schema!.Struct.Fields.Select(f => f.Name + ":" + Spark.Connect.Local.Planning.Functions.SparkTypes.Name(f.DataType)).ToList();

    /// <summary>The error planning <paramref name="query"/> raises.</summary>
    internal LocalEngineException QueryError(string query) => PlanError(Sql(query));
}
