using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// Plans over a one-row table <c>t</c> with the real function catalog, the way a client's <c>select(f(…))</c> arrives:
/// the value DuckDB computes, the Spark name and type the engine reports for the column, and the Spark errors.
/// Columns: <c>c1</c> 'ABC', <c>c2</c> 'DEF', <c>n</c> a null string, <c>i</c> 7, <c>b</c> bytes 'Spark', <c>m</c> the map {a: 1}.
/// </summary>
public abstract class LibraryTestBase : PlannerTestBase
{
    [SetUp]
    public void CreateOneRow()
    {
        Functions = null;
        Exec("CREATE TABLE t (c1 VARCHAR, c2 VARCHAR, n VARCHAR, i INTEGER, b BLOB, m MAP(VARCHAR, INTEGER))");
        Exec("INSERT INTO t VALUES ('ABC', 'DEF', NULL, 7, 'Spark'::BLOB, MAP(['a'], [1]))");
    }

    /// <summary>The one value of <paramref name="expression"/> over <c>t</c> as DuckDB's text (null as "∅").</summary>
    internal string Value(Expression expression) => Lines(Project(Table("t"), expression)).Single();

    /// <summary>The Spark column (name, type, nullability) the engine reports for <paramref name="expression"/>.</summary>
    internal DataType.Types.StructField Field(Expression expression) =>
        Plan(Project(Table("t"), expression)).Schema!.Struct.Fields.Single();

    /// <summary>The typed error planning raises.</summary>
    internal LocalEngineException Error(Expression expression) => PlanError(Project(Table("t"), expression));

    /// <summary>The Spark error DuckDB raises while the query runs (read back by SparkRuntimeErrors), or DuckDB's own.</summary>
    internal Exception RunError(Expression expression)
    {
        var failure = Assert.Throws<DuckDbException>(() => Value(expression))!;
        return SparkRuntimeErrors.TryTranslate(failure.Message, failure) ?? (Exception)failure;
    }

    internal static Expression Null(DataType type) => Lit(new Expression.Types.Literal { Null = type });

    internal static Expression Bytes(byte[] value) => Lit(new Expression.Types.Literal { Binary = Google.Protobuf.ByteString.CopyFrom(value) });
}
