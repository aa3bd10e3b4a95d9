using System.Globalization;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Tests.DuckDb;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>
/// Renders one Spark function call over constant SQL arguments and runs it on an in-memory DuckDB,
/// returning the value as DuckDB text (NULL as null) and DuckDB's type name, so tests can assert
/// Spark's answer and Spark's result type.
/// </summary>
public abstract class FunctionTestBase : DuckDbTestBase
{
    /// <summary>DuckDB starts in the machine's zone; the engine sets Spark's session zone, here UTC.</summary>
    [SetUp]
    public void UseUtcSessionZone() => Connection.ExecuteNonQuery("SET TimeZone = 'UTC'");

    /// <summary>A value (a row value to the renderer: not a literal it can read).</summary>
    internal static SqlArgument Sql(string sql) =>
        new(sql, new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "column" } });

    internal static SqlArgument Int(int value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"CAST({value} AS INTEGER)"), Literal(new Expression.Types.Literal { Integer = value }));

    internal static SqlArgument Long(long value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"CAST({value} AS BIGINT)"), Literal(new Expression.Types.Literal { Long = value }));

    internal static SqlArgument Str(string value) =>
        new(SqlLiterals.QuoteString(value), Literal(new Expression.Types.Literal { String = value }));

    internal static SqlArgument Bool(bool value) =>
        new(value ? "true" : "false", Literal(new Expression.Types.Literal { Boolean = value }));

    internal static SqlArgument Null(string duckDbType) =>
        new($"CAST(NULL AS {duckDbType})", Literal(new Expression.Types.Literal { Null = new DataType() }));

    internal static SqlArgument Star => new("*", new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() });

    private static Expression Literal(Expression.Types.Literal literal) => new() { Literal = literal };

    /// <summary>The value (DuckDB's text of it, or null) and DuckDB's type of one result.</summary>
    internal readonly record struct Result(string? Value, string Type);

    /// <summary>Renders and evaluates a scalar call: <c>SELECT f(args)</c>.</summary>
    internal Result Eval(string name, params SqlArgument[] args) => Aggregate(null, name, false, args);

    /// <summary>Renders and evaluates an aggregate over <paramref name="from"/> (e.g. <c>(VALUES (1),(2)) t(x)</c>).</summary>
    internal Result Aggregate(string? from, string name, bool distinct, params SqlArgument[] args)
    {
        var context = new HarnessContext(Connection, from);
        var rendered = SparkFunctionCatalog.Render(name, args, distinct, context);
        return Run(context, $"SELECT {rendered} AS r{From(from)}", orderBy: null).Single();
    }

    /// <summary>Renders a window call with <c>OVER (ORDER BY orderBy)</c> and returns every row's result in that order.</summary>
    internal List<Result> Window(string from, string orderBy, string name, params SqlArgument[] args)
    {
        var context = new HarnessContext(Connection, from);
        var rendered = SparkFunctionCatalog.RenderWindow(name, args, $"OVER (ORDER BY {orderBy} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", context);
        return Run(context, $"SELECT {rendered} AS r, {orderBy} AS k FROM {from}", orderBy: "k");
    }

    /// <summary>Renders a generator (explode) over <paramref name="from"/> and returns every row it makes, sorted by value (nulls first).</summary>
    internal List<Result> Generate(string from, string name, params SqlArgument[] args)
    {
        var context = new HarnessContext(Connection, from);
        var rendered = SparkFunctionCatalog.Render(name, args, false, context);
        return Run(context, $"SELECT {rendered} AS r FROM {from}", orderBy: "1 NULLS FIRST");
    }

    /// <summary>The typed error rendering raises.</summary>
    internal static LocalEngineException RenderFails(string name, params SqlArgument[] args) =>
        Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render(name, args, false, new HarnessContext(null, null)))!;

    /// <summary>The Spark error DuckDB raises when the rendered call runs (through SparkRuntimeErrors).</summary>
    internal LocalEngineException EvalFails(string name, params SqlArgument[] args)
    {
        var failure = Assert.Throws<DuckDbException>(() => Eval(name, args))!;
        return SparkRuntimeErrors.TryTranslate(failure.Message, failure)
            ?? throw new AssertionException($"DuckDB failed with an error that maps to no Spark error: {failure.Message}");
    }

    private static string From(string? from) => from is null ? "" : " FROM " + from;

    private List<Result> Run(HarnessContext context, string select, string? orderBy)
    {
        var sql = $"SELECT CAST(r AS VARCHAR), typeof(r) FROM ({select}) q{(orderBy is null ? "" : " ORDER BY " + orderBy)}";
        using var statement = Connection.Prepare(sql);
        for (var i = 0; i < context.Bound.Count; i++)
            statement.Bind(i + 1, context.Bound[i].String);
        using var result = statement.Execute();
        return ReadAll(result, (chunk, row) => new Result(
            chunk.GetVector(0).IsValid(row) ? chunk.GetVector(0).GetString(row) : null,
            chunk.GetVector(1).GetString(row)));
    }

    /// <summary>Types arguments the way the planner does (DuckDB's typeof over the same input) and records bound values.</summary>
    private sealed class HarnessContext(DuckDbConnection? connection, string? from) : IFunctionRenderContext
    {
        public List<Expression.Types.Literal> Bound { get; } = [];

        public string? TypeOf(SqlArgument argument)
        {
            if (connection is null || argument.Source.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar) return null;
            // DESCRIBE types the expression even when the input has no rows.
            using var result = connection.Query($"DESCRIBE SELECT {argument.Sql} AS v{From(from)}");
            return ReadAll(result, (chunk, row) => chunk.GetVector(1).GetString(row)).Single();
        }

        public string Bind(Expression.Types.Literal value)
        {
            if (value.LiteralTypeCase != Expression.Types.Literal.LiteralTypeOneofCase.String)
                throw new NotSupportedException("The test harness binds only strings.");
            Bound.Add(value);
            return "$" + Bound.Count.ToString(CultureInfo.InvariantCulture);
        }
    }
}
