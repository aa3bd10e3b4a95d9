using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// The result-type rules most functions share, written once: a fixed type that is null when any
/// argument is (after checking the arguments' types), never null, or possibly null whatever the input.
/// </summary>
internal static class ResultRules
{
    /// <summary>Spark's names for the implicit-cast targets in DATATYPE_MISMATCH messages.</summary>
    public const string StringType = "\"STRING\"", NumericType = "\"NUMERIC\"", DateType = "\"DATE\"",
        TimestampType = "\"TIMESTAMP\"", BooleanType = "\"BOOLEAN\"", ArrayType = "\"ARRAY\"", IntegralType = "\"INTEGRAL\"";

    /// <summary><paramref name="type"/>, null when any argument is; every argument must pass <paramref name="accepts"/>.</summary>
    public static Func<TypedCall, FunctionResult> Strict(Func<DataType> type, Func<DataType, bool> accepts, string requiredType) =>
        c => c.RequireAll(accepts, requiredType).Strict(type());

    /// <summary><paramref name="type"/>, null when any argument is, for functions taking any argument type.</summary>
    public static Func<TypedCall, FunctionResult> Strict(Func<DataType> type) => c => c.Strict(type());

    /// <summary>Text functions: a string, null when any argument is; arguments must be castable to a string.</summary>
    public static Func<TypedCall, FunctionResult> Text(Func<DataType> type) => Strict(type, SparkTypes.CastsToString, StringType);

    /// <summary>Math functions on doubles: DOUBLE, null when any argument is; arguments must be numbers.</summary>
    public static readonly Func<TypedCall, FunctionResult> Double = Strict(() => SparkTypes.Double, SparkTypes.CastsToNumber, NumericType);

    /// <summary>A fixed type that is never null.</summary>
    public static Func<TypedCall, FunctionResult> NeverNull(Func<DataType> type) => _ => TypedCall.NeverNull(type());

    /// <summary>The type and nullability of argument <paramref name="index"/> (unary operators, <c>positive</c>).</summary>
    public static Func<TypedCall, FunctionResult> SameAs(int index) => c => new FunctionResult(c.Type(index), c.Nullable(index));
}
