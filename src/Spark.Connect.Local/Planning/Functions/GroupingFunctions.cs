namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>grouping(col)</c> (TINYINT) and <c>grouping_id([cols])</c> (BIGINT) of rollup, cube and grouping sets. Only a
/// grouping-sets aggregate knows the grouping columns, so <c>Rendering/GroupingCalls</c> renders them there, each as an
/// aggregate of its own; elsewhere in an aggregate (inside another expression, without grouping sets) they are Spark's
/// UNSUPPORTED_GROUPING_EXPRESSION (AggregateResolver).
/// </summary>
internal static class GroupingFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        // Typing renders a call too; DuckDB's grouping over the arguments is what a grouping-sets query would compute.
        registry.Aggregate(c => $"CAST(grouping({c.Expect(1)[0]}) AS TINYINT)", _ => TypedCall.NeverNull(SparkTypes.Byte), "grouping");
        registry.Aggregate(c => $"CAST(grouping({c.JoinedArguments()}) AS BIGINT)", _ => TypedCall.NeverNull(SparkTypes.Long), "grouping_id");
    }

    /// <summary>Spark's error for grouping()/grouping_id() outside a grouping-sets aggregate's own columns.</summary>
    internal static LocalEngineException Misplaced() => new("UNSUPPORTED_GROUPING_EXPRESSION", "42K0E",
        "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup, each as an aggregate column of its own. " +
        "Group by ROLLUP, CUBE or GROUPING SETS and select the call by itself.");
}
