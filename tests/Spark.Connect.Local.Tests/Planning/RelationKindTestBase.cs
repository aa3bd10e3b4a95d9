using Spark.Connect;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Shared setup for the relation kinds resolved by rewriting (na.*, describe, unpivot, to, sample): the real
/// function catalog, a table with nulls and NaN, and helpers for inputs that choose rows and for the schema.
/// </summary>
public abstract class RelationKindTestBase : PlannerTestBase
{
    [SetUp]
    public void CreateGaps()
    {
        Functions = null;
        // Rows: complete; null int and NaN double; null string and null double; everything null.
        Exec("CREATE TABLE gaps (i INTEGER, d DOUBLE, s VARCHAR, b BOOLEAN)");
        Exec("INSERT INTO gaps VALUES (1, 1.5, 'x', true), (NULL, 'NaN'::DOUBLE, 'y', false), (3, NULL, NULL, NULL), (NULL, NULL, NULL, NULL)");
    }

    internal Relation Limit(Relation input, int count) => New(r => r.Limit = new Limit { Input = input, Limit_ = count });

    internal Relation Range(long end) => New(r => r.Range = new Spark.Connect.Protocol.Range { Start = 0, End = end, Step = 1 });

    /// <summary>The planned output as "name:type" (Spark's simple type names), with "?" marking nullable columns.</summary>
    internal List<string> Schema(Relation relation) =>
        Plan(relation).Schema!.Struct.Fields.Select(f => $"{f.Name}:{SparkTypes.Name(f.DataType)}{(f.Nullable ? "?" : "")}").ToList();

    internal static Expression.Types.Literal LongValue(long value) => new() { Long = value };

    internal static Expression.Types.Literal DoubleValue(double value) => new() { Double = value };

    internal static Expression.Types.Literal StringValue(string value) => new() { String = value };

    internal static Expression.Types.Literal BooleanValue(bool value) => new() { Boolean = value };
}
