namespace Spark.Linq;

/// <summary>
/// Spark functions for use inside queries, e.g. <c>Where(c =&gt; SparkFunctions.Like(c.Name, "A%"))</c>.
/// They only have meaning inside a query, where they become calls of the Spark function of the same
/// name; calling one directly throws.
/// </summary>
public static partial class SparkFunctions
{
    /// <summary>SQL LIKE: <c>%</c> matches any run of characters, <c>_</c> one character.</summary>
    [SparkFunction("like")]
    public static bool Like(string? value, string pattern) => throw OutsideQuery();

    /// <summary>Java regular-expression match anywhere in <paramref name="value"/>.</summary>
    [SparkFunction("rlike")]
    public static bool RLike(string? value, string pattern) => throw OutsideQuery();

    /// <summary>The first non-null argument.</summary>
    [SparkFunction("coalesce")]
    public static T Coalesce<T>(params T[] values) => throw OutsideQuery();

    /// <summary>The largest argument, skipping nulls.</summary>
    [SparkFunction("greatest")]
    public static T Greatest<T>(params T[] values) => throw OutsideQuery();

    /// <summary>The smallest argument, skipping nulls.</summary>
    [SparkFunction("least")]
    public static T Least<T>(params T[] values) => throw OutsideQuery();

    /// <summary>The timestamp truncated to <paramref name="unit"/> ("year", "month", "day", "hour", …).</summary>
    [SparkFunction("date_trunc")]
    public static DateTime DateTrunc(string unit, DateTime timestamp) => throw OutsideQuery();

    /// <summary>Any Spark function by name, with the given arguments; <typeparamref name="T"/> is the result type.</summary>
    public static T Call<T>(string functionName, params object?[] arguments) => throw OutsideQuery();

    internal static InvalidOperationException OutsideQuery() =>
        new("SparkFunctions methods only have meaning inside a Spark.Linq query, where they are translated to Spark functions; they can't run on the client.");
}

/// <summary>
/// Names the Spark function a method becomes inside a query: the <see cref="SparkFunctions"/> methods, and the
/// application's own static methods, e.g.
/// <c>[SparkFunction("soundex")] public static string Soundex(string text) =&gt; throw new NotSupportedException();</c>.
/// Each argument is translated and passed in order (a <c>params</c> array is spread); the method's return type
/// is the result's type. Such a method is never evaluated on the client, not even with constant arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SparkFunctionAttribute(string name) : Attribute
{
    /// <summary>The Spark function name.</summary>
    public string Name { get; } = name;
}
