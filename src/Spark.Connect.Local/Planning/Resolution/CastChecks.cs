using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Casts ANSI Spark refuses when it analyses them (<c>Cast.canAnsiCast</c>), raised with Spark's classes before DuckDB
/// would fail with a different one: an integral number to binary is DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION (only
/// non-ANSI Spark allows it), a number to a date and a date to a number are DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION
/// naming the functions that convert them.
/// </summary>
internal static class CastChecks
{
    /// <summary>Throws when Spark refuses to cast <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static void Check(DataType from, DataType to)
    {
        if (SparkTypes.IsIntegral(from) && to.KindCase == DataType.KindOneofCase.Binary)
            throw ConfSuggestion(from, to);
        if (SparkTypes.IsNumeric(from) && to.KindCase == DataType.KindOneofCase.Date)
            throw FunctionSuggestion(from, to, "`date_from_unix_date`");
        if (from.KindCase == DataType.KindOneofCase.Date && SparkTypes.IsNumeric(to))
            throw FunctionSuggestion(from, to, "`unix_date`");
    }

    private static string Sql(DataType type) => $"\"{SparkTypes.Name(type).ToUpperInvariant()}\"";

    private static LocalEngineException ConfSuggestion(DataType from, DataType to) => new("DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION", "42K09",
        $"Cannot resolve the cast due to data type mismatch: cannot cast {Sql(from)} to {Sql(to)} with ANSI mode on. " +
        $"If you have to cast {Sql(from)} to {Sql(to)}, you can set \"spark.sql.ansi.enabled\" as 'false'.",
        new Dictionary<string, string> { ["srcType"] = Sql(from), ["targetType"] = Sql(to), ["config"] = "\"spark.sql.ansi.enabled\"", ["configVal"] = "'false'" });

    private static LocalEngineException FunctionSuggestion(DataType from, DataType to, string functions) => new("DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION", "42K09",
        $"Cannot resolve the cast due to data type mismatch: cannot cast {Sql(from)} to {Sql(to)}. " +
        $"To convert values from {Sql(from)} to {Sql(to)}, you can use the functions {functions} instead.",
        new Dictionary<string, string> { ["srcType"] = Sql(from), ["targetType"] = Sql(to), ["functionNames"] = functions });
}
