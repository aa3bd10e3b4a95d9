using System.Linq.Expressions;

namespace Spark.Linq;

/// <summary>
/// How a query's rows are written: the mode, the partition columns and the data source options. Partition columns
/// are members of the row type (named through the same mapping and naming policy as queries) or plain column names:
/// <code>
/// new SparkWriteOptions&lt;Order&gt;
/// {
///     Mode = SparkWriteMode.Overwrite,
///     PartitionBy = { o =&gt; o.Region },
///     Options = { ["compression"] = "zstd" },
/// }
/// </code>
/// </summary>
/// <typeparam name="T">The query's row type, whose members <see cref="PartitionBy"/> selects.</typeparam>
public sealed class SparkWriteOptions<T>
{
    /// <summary>What to do when the target exists; <see cref="SparkWriteMode.ErrorIfExists"/> by default.</summary>
    public SparkWriteMode Mode { get; init; } = SparkWriteMode.ErrorIfExists;

    /// <summary>Partition columns as members of the row type (<c>o =&gt; o.Region</c>), in order, before <see cref="PartitionByColumns"/>.</summary>
    public IList<Expression<Func<T, object?>>> PartitionBy { get; } = new List<Expression<Func<T, object?>>>();

    /// <summary>Partition columns by their column name, for columns no member of the row type names.</summary>
    public IList<string> PartitionByColumns { get; } = new List<string>();

    /// <summary>
    /// Data source options, sent as they are (e.g. parquet <c>compression</c>; csv <c>header</c>, <c>sep</c>,
    /// <c>quote</c>, <c>nullValue</c>). Keys compare case-insensitively, as Spark's do.
    /// </summary>
    public IDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
