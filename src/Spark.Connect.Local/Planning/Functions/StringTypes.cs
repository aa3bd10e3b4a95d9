using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's result types of the string functions whose type depends on the arguments (most are a fixed
/// STRING, INT or BOOLEAN through <see cref="ResultRules.Text"/>).
/// </summary>
internal static class StringTypes
{
    /// <summary>
    /// <c>concat</c>: arrays concatenate to an array of their common element type, all-binary arguments
    /// to BINARY, anything else to STRING; null when any argument is; <c>concat()</c> is a non-null ''.
    /// </summary>
    public static FunctionResult Concat(TypedCall call)
    {
        if (call.Count == 0) return TypedCall.NeverNull(SparkTypes.String);
        var types = call.Arguments.Select(a => a.Type).ToList();
        if (types.Any(t => t.KindCase == DataType.KindOneofCase.Array))
        {
            call.RequireAll(t => t.KindCase == DataType.KindOneofCase.Array || SparkTypes.IsNull(t), ResultRules.ArrayType);
            return call.Strict(call.CommonType(Enumerable.Range(0, call.Count)));
        }
        if (types.All(t => t.KindCase == DataType.KindOneofCase.Binary)) return call.Strict(SparkTypes.Binary);
        call.RequireAll(SparkTypes.CastsToString, ResultRules.StringType);
        return call.Strict(SparkTypes.String);
    }

    /// <summary><c>concat_ws(sep, …)</c>: STRING, skipping null values, so null only when the separator is.</summary>
    public static FunctionResult ConcatWs(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToString, ResultRules.StringType);
        call.RequireAll(t => SparkTypes.CastsToString(t) || t.KindCase == DataType.KindOneofCase.Array && SparkTypes.IsString(t.Array.ElementType),
            "(\"STRING\" or \"ARRAY<STRING>\")", start: 1);
        return new(SparkTypes.String, call.Nullable(0));
    }

    /// <summary><c>like</c>/<c>ilike</c>: BOOLEAN, null when the text or the pattern is.</summary>
    public static FunctionResult Like(TypedCall call)
    {
        call.RequireAll(SparkTypes.CastsToString, ResultRules.StringType);
        return new(SparkTypes.Boolean, call.Nullable(0) || call.Nullable(1));
    }

    /// <summary><c>reverse</c>: an array stays an array of the same type; anything else is reversed as a string.</summary>
    public static FunctionResult Reverse(TypedCall call)
    {
        if (call.Type(0).KindCase == DataType.KindOneofCase.Array) return call.Strict(call.Type(0));
        call.Require(0, SparkTypes.CastsToString, ResultRules.StringType);
        return call.Strict(SparkTypes.String);
    }
}
