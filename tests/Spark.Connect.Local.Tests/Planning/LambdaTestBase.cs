using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Plans over a table of arrays with the real function catalog: one row with values and a null element, one with
/// empty arrays, one with null arrays. Builders for Spark Connect lambdas as the official clients send them.
/// </summary>
public abstract class LambdaTestBase : PlannerTestBase
{
    [SetUp]
    public void CreateArrays()
    {
        Functions = null;
        Exec("CREATE TABLE arrays (id INTEGER, xs INTEGER[], ss VARCHAR[], ps STRUCT(k INTEGER, v VARCHAR)[], ll INTEGER[][], m MAP(VARCHAR, INTEGER))");
        Exec("INSERT INTO arrays VALUES " +
             "(1, [3, NULL, 1], ['b', NULL, 'a', 'b'], [{'k': 2, 'v': 'x'}, {'k': NULL, 'v': 'y'}, {'k': 1, 'v': NULL}], [[1, 2], [3]], MAP(['a', 'b'], [1, NULL])), " +
             "(2, [], [], [], [], MAP([]::VARCHAR[], []::INTEGER[])), " +
             "(3, NULL, NULL, NULL, NULL, NULL)");
    }

    /// <summary>A lambda variable reference, as PySpark and the Scala client send it (more parts: struct fields).</summary>
    internal static Expression Var(params string[] parts)
    {
        var variable = new Expression.Types.UnresolvedNamedLambdaVariable();
        variable.NameParts.AddRange(parts);
        return new Expression { UnresolvedNamedLambdaVariable = variable };
    }

    /// <summary><c>(names…) -&gt; body</c>.</summary>
    internal static Expression Lambda(Expression body, params string[] names)
    {
        var lambda = new Expression.Types.LambdaFunction { Function = body };
        foreach (var name in names)
            lambda.Arguments.Add(new Expression.Types.UnresolvedNamedLambdaVariable { NameParts = { name } });
        return new Expression { LambdaFunction = lambda };
    }

    /// <summary>One projected value per row of <c>arrays</c>, in id order.</summary>
    internal List<string> Values(Expression expression) =>
        Lines(Project(SortBy(Table("arrays"), "id"), Alias(expression, "r")));

    /// <summary>The Spark error the query raises while it runs (DuckDB's failure read back by SparkRuntimeErrors).</summary>
    internal LocalEngineException RunError(Expression expression)
    {
        var failure = Assert.Throws<DuckDbException>(() => Values(expression))!;
        return SparkRuntimeErrors.TryTranslate(failure.Message, failure)
            ?? throw new AssertionException($"DuckDB failed with an error that maps to no Spark error: {failure.Message}");
    }

    /// <summary>The Spark type of the expression's column, as the resolver declares it.</summary>
    internal DataType TypeOf(Expression expression) =>
        Plan(Project(Table("arrays"), Alias(expression, "r"))).Schema!.Struct.Fields[0].DataType;
}
