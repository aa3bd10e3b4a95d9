namespace Spark.Linq;

/// <summary>How comparisons with null are translated.</summary>
public enum SparkNullSemantics
{
    /// <summary>
    /// C# semantics (the default): results equal LINQ-to-Objects. <c>a == b</c> is true when both are
    /// null (null-safe equality is used where either side can be null), a comparison with null is
    /// false rather than unknown, and <c>string + null</c> treats null as empty.
    /// </summary>
    CSharp,

    /// <summary>
    /// Spark SQL semantics: comparisons with null are unknown (rows are filtered out), plain
    /// <c>=</c> everywhere. Simpler plans, but results can differ from LINQ-to-Objects when data has nulls.
    /// </summary>
    Sql,
}
