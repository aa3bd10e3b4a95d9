using System.Globalization;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>
/// For every registered function, the Spark result type the catalog declares (FunctionResultTypes.Of,
/// no DuckDB) must be the type of the SQL the catalog renders for the same typed arguments, as DuckDB
/// prepares it over typed NULL columns. This keeps the declared types and the renderers' casts together.
/// </summary>
public class FunctionResultTypeConsistencyTests : FunctionTestBase
{
    // Rendered by the plan, not the catalog: grouping()/grouping_id() name grouping columns only a grouping-sets
    // aggregate knows (Rendering/GroupingCalls); the catalog refuses them anywhere else. SparkSqlAggregateEdgeTests
    // checks their types and values.
    private static readonly HashSet<string> RenderedByThePlan = new(StringComparer.Ordinal) { "grouping", "grouping_id" };

    [Test]
    public void Every_registered_function_has_cases_and_its_declared_type_is_the_type_duckdb_gives_its_rendering()
    {
        var failures = new List<string>();
        foreach (var name in FunctionRegistry.Names.Where(n => !RenderedByThePlan.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (!FunctionResultTypeCases.All.TryGetValue(name, out var cases))
            {
                failures.Add($"{name}: no cases in FunctionResultTypeCases");
                continue;
            }
            var kind = FunctionRegistry.Find(name).Kind;
            foreach (var arguments in cases)
            {
                if (kind != FunctionKind.Window) Check(failures, name, arguments, windowed: false);
                if (kind != FunctionKind.Scalar) Check(failures, name, arguments, windowed: true);
            }
        }
        Assert.That(failures, Is.Empty, () => failures.Count + " mismatches:\n" + string.Join("\n", failures));
    }

    [Test]
    public void Every_case_names_a_registered_function() =>
        Assert.That(FunctionResultTypeCases.All.Keys.Where(name => FunctionRegistry.TryFind(name) is null), Is.Empty);

    private void Check(List<string> failures, string name, TypedArg[] arguments, bool windowed)
    {
        var label = $"{name}({string.Join(", ", arguments.Select(a => a.LiteralSql ?? SparkTypes.Name(a.Type)))}){(windowed ? " OVER" : "")}";
        try
        {
            var declared = FunctionResultTypes.Of(name, arguments.Select(a => a.ForResolver).ToList(), isDistinct: false, windowed);
            var actual = DuckDbTypeOf(name, arguments, windowed);
            if (!T.Comparable(declared.Type).Equals(T.Comparable(actual)))
                failures.Add($"{label}: declared {SparkTypes.Name(declared.Type)}, DuckDB gives {SparkTypes.Name(actual)}");
        }
        catch (Exception e) when (e is LocalEngineException or Spark.Connect.Local.DuckDb.DuckDbException or AssertionException)
        {
            failures.Add($"{label}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Renders the call over typed NULL columns a0, a1, … and reads the result column's type from the prepared statement.</summary>
    private DataType DuckDbTypeOf(string name, TypedArg[] arguments, bool windowed)
    {
        var columns = new List<string>();
        var sqlArguments = new List<SqlArgument>();
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var sql = argument.LiteralSql;
            if (sql is null)
            {
                sql = string.Create(CultureInfo.InvariantCulture, $"a{i}");
                columns.Add($"CAST(NULL AS {DuckDbTypeNames.FromSpark(argument.Type)}) AS {sql}");
            }
            sqlArguments.Add(argument.ToSql(sql));
        }
        var context = new PlaceholderContext();
        var rendered = windowed
            ? SparkFunctionCatalog.RenderWindow(name, sqlArguments, "OVER ()", context)
            : SparkFunctionCatalog.Render(name, sqlArguments, false, context);
        var from = columns.Count == 0 ? "(SELECT 1 AS unused) t" : $"(SELECT {string.Join(", ", columns)}) t";
        using var statement = Connection.Prepare($"SELECT {rendered} AS r FROM {from}");
        return T.FromDuckDb(statement.DescribeColumns()[0].Type);
    }

    /// <summary>
    /// Arguments carry their Spark types, so the renderer never asks for a DuckDB type. Bound values (the
    /// test's own format strings) are written as string literals: DuckDB can't type a call over an unbound
    /// parameter at prepare time.
    /// </summary>
    private sealed class PlaceholderContext : IFunctionRenderContext
    {
        public string? TypeOf(SqlArgument argument) =>
            throw new AssertionException($"The renderer asked DuckDB for the type of '{argument.Sql}' although the argument is typed.");

        public string Bind(Expression.Types.Literal value) => SqlLiterals.QuoteString(value.String);
    }
}
