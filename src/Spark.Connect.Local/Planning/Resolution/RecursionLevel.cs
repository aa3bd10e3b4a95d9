namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// What a recursive CTE's references read while its recursive term is resolved for one more level: the rows the run
/// table holds for <paramref name="Level"/>, under the CTE's column names and types.
/// </summary>
internal sealed record RecursionLevel(string Table, int Level, IReadOnlyList<string> Names, IReadOnlyList<DataType> Types);
