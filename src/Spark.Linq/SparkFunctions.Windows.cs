namespace Spark.Linq;

/// <summary>Window functions: used in a Select with a <see cref="WindowSpec"/> built from <see cref="Window"/>.</summary>
public static partial class SparkFunctions
{
    /// <summary>The row's 1-based position in its partition, in the window's order (ties get different numbers).</summary>
    [SparkFunction("row_number")]
    public static int RowNumber(WindowSpec over) => throw OutsideQuery();

    /// <summary>The row's rank in its partition: ties share a rank and leave gaps (1, 1, 3).</summary>
    [SparkFunction("rank")]
    public static int Rank(WindowSpec over) => throw OutsideQuery();

    /// <summary>The row's rank in its partition without gaps after ties (1, 1, 2).</summary>
    [SparkFunction("dense_rank")]
    public static int DenseRank(WindowSpec over) => throw OutsideQuery();

    /// <summary>(rank - 1) / (rows in partition - 1), from 0 to 1.</summary>
    [SparkFunction("percent_rank")]
    public static double PercentRank(WindowSpec over) => throw OutsideQuery();

    /// <summary>The fraction of the partition's rows ordered at or before this row.</summary>
    [SparkFunction("cume_dist")]
    public static double CumeDist(WindowSpec over) => throw OutsideQuery();

    /// <summary>Which of <paramref name="buckets"/> nearly equal groups (1-based) the row falls in, in the window's order.</summary>
    [SparkFunction("ntile")]
    public static int NTile(int buckets, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value <paramref name="offset"/> rows before this one in the window's order, or <paramref name="defaultValue"/>
    /// when there is no such row. With no default the result is null there: use a nullable type (<c>(int?)o.Quantity</c>).</summary>
    [SparkFunction("lag")]
    public static T Lag<T>(T value, int offset, T defaultValue, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value <paramref name="offset"/> rows before this one, or null (see the overload with a default).</summary>
    [SparkFunction("lag")]
    public static T Lag<T>(T value, int offset, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value of the previous row in the window's order, or null for the first row.</summary>
    [SparkFunction("lag")]
    public static T Lag<T>(T value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value <paramref name="offset"/> rows after this one, or <paramref name="defaultValue"/> when there is no such row.</summary>
    [SparkFunction("lead")]
    public static T Lead<T>(T value, int offset, T defaultValue, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value <paramref name="offset"/> rows after this one, or null.</summary>
    [SparkFunction("lead")]
    public static T Lead<T>(T value, int offset, WindowSpec over) => throw OutsideQuery();

    /// <summary>The value of the next row in the window's order, or null for the last row.</summary>
    [SparkFunction("lead")]
    public static T Lead<T>(T value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The sum over the window's frame (a running total when the window is ordered and has no frame).</summary>
    [SparkFunction("sum")]
    public static long Sum(long value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The sum over the window's frame.</summary>
    [SparkFunction("sum")]
    public static double Sum(double value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The sum over the window's frame.</summary>
    [SparkFunction("sum")]
    public static decimal Sum(decimal value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The average over the window's frame (a moving average with <see cref="WindowSpec.RowsBetween"/>).</summary>
    [SparkFunction("avg")]
    public static double Average(double value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The average over the window's frame.</summary>
    [SparkFunction("avg")]
    public static decimal Average(decimal value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The smallest value in the window's frame.</summary>
    [SparkFunction("min")]
    public static T Min<T>(T value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The largest value in the window's frame.</summary>
    [SparkFunction("max")]
    public static T Max<T>(T value, WindowSpec over) => throw OutsideQuery();

    /// <summary>The number of non-null values in the window's frame.</summary>
    [SparkFunction("count")]
    public static long Count<T>(T value, WindowSpec over) => throw OutsideQuery();
}
