namespace Spark.Linq;

/// <summary>
/// Starts a window specification for the window functions of <see cref="SparkFunctions"/>, inside a
/// query's Select: <c>SparkFunctions.RowNumber(Window.PartitionBy(o.Region).OrderByDescending(o.Amount))</c>.
/// Like <see cref="SparkFunctions"/>, it only has meaning inside a query; calling it directly throws.
/// </summary>
public static class Window
{
    /// <summary>A frame bound meaning "from the first row of the partition" (use as the start of RowsBetween/RangeBetween).</summary>
    public const long UnboundedPreceding = long.MinValue;

    /// <summary>A frame bound meaning "to the last row of the partition" (use as the end of RowsBetween/RangeBetween).</summary>
    public const long UnboundedFollowing = long.MaxValue;

    /// <summary>A frame bound meaning "the current row".</summary>
    public const long CurrentRow = 0;

    /// <summary>A window over the rows that share these values (no values: the whole result is one partition).</summary>
    public static WindowSpec PartitionBy(params object?[] keys) => throw SparkFunctions.OutsideQuery();

    /// <summary>A window over all rows, ordered ascending by <paramref name="key"/> (nulls first).</summary>
    public static WindowSpec OrderBy<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();

    /// <summary>A window over all rows, ordered descending by <paramref name="key"/> (nulls last).</summary>
    public static WindowSpec OrderByDescending<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();
}

/// <summary>
/// A window: partitioning, ordering and frame. Built with <see cref="Window"/> inside a query and
/// passed to a window function of <see cref="SparkFunctions"/>; it has no value outside a query.
/// Without a frame, Spark's default applies: with an ordering, from the start of the partition to the
/// current row and its peers (a running total); without one, the whole partition.
/// </summary>
public sealed class WindowSpec
{
    private WindowSpec()
    {
    }

    /// <summary>Partitions by these values as well.</summary>
    public WindowSpec PartitionBy(params object?[] keys) => throw SparkFunctions.OutsideQuery();

    /// <summary>Orders ascending by <paramref name="key"/> (nulls first), before any ordering added later.</summary>
    public WindowSpec OrderBy<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();

    /// <summary>Orders descending by <paramref name="key"/> (nulls last).</summary>
    public WindowSpec OrderByDescending<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();

    /// <summary>Breaks ties of the ordering so far by <paramref name="key"/>, ascending.</summary>
    public WindowSpec ThenBy<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();

    /// <summary>Breaks ties of the ordering so far by <paramref name="key"/>, descending.</summary>
    public WindowSpec ThenByDescending<TKey>(TKey key) => throw SparkFunctions.OutsideQuery();

    /// <summary>
    /// A frame counted in rows relative to the current one: <c>RowsBetween(-2, 0)</c> is the current row and the
    /// two before it (a 3-row moving window). Use <see cref="Window.UnboundedPreceding"/>, <see cref="Window.CurrentRow"/>
    /// and <see cref="Window.UnboundedFollowing"/> for the ends. The bounds must be known before the query runs.
    /// </summary>
    public WindowSpec RowsBetween(long start, long end) => throw SparkFunctions.OutsideQuery();

    /// <summary>A frame by value of the (single) ordering key relative to the current row's, e.g. <c>RangeBetween(-7, 0)</c>.</summary>
    public WindowSpec RangeBetween(long start, long end) => throw SparkFunctions.OutsideQuery();
}
