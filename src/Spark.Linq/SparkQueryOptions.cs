namespace Spark.Linq;

/// <summary>How queries are translated. Shared by every query of a <see cref="SparkSession"/>.</summary>
public sealed record SparkQueryOptions
{
    /// <summary>Names columns for members without <c>[Column]</c>. Default: the member name as is.</summary>
    public ColumnNamingPolicy NamingPolicy { get; init; } = ColumnNamingPolicy.AsIs;

    /// <summary>How null comparisons translate. Default: C# semantics, so results equal LINQ-to-Objects.</summary>
    public SparkNullSemantics NullSemantics { get; init; } = SparkNullSemantics.CSharp;
}
