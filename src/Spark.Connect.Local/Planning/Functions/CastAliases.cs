namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's cast aliases: <c>boolean(x)</c>, <c>tinyint(x)</c>, … <c>float(x)</c>, <c>double(x)</c>, <c>decimal(x)</c>,
/// <c>string(x)</c>, <c>binary(x)</c>, <c>date(x)</c>, <c>timestamp(x)</c> are a cast of their one argument to that type
/// (FunctionRegistry's castAlias), with the cast's semantics and errors; their column name is the argument's.
/// </summary>
internal static class CastAliases
{
    private static readonly Dictionary<string, Func<DataType>> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boolean"] = () => SparkTypes.Boolean,
        ["tinyint"] = () => SparkTypes.Byte,
        ["smallint"] = () => SparkTypes.Short,
        ["int"] = () => SparkTypes.Integer,
        ["bigint"] = () => SparkTypes.Long,
        ["float"] = () => SparkTypes.Float,
        ["double"] = () => SparkTypes.Double,
        // DecimalType.USER_DEFAULT, as castAlias("decimal", …) uses.
        ["decimal"] = () => SparkTypes.Decimal(10, 0),
        ["binary"] = () => SparkTypes.Binary,
        ["string"] = () => SparkTypes.String,
        ["date"] = () => SparkTypes.Date,
        ["timestamp"] = () => SparkTypes.Timestamp,
    };

    /// <summary>The type <paramref name="name"/> casts to, or null when it is no cast alias.</summary>
    internal static DataType? TargetOf(string name) => Targets.TryGetValue(name, out var target) ? target() : null;
}
