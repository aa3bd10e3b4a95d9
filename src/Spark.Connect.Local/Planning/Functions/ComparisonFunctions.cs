using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Comparisons, null-safe equality, boolean logic and null tests. DuckDB's three-valued logic and
/// comparison rules match Spark's, so these are direct operator renderings. All are BOOLEAN; comparisons
/// and logic are null when an operand is, <c>&lt;=&gt;</c>, <c>isnull</c>, <c>isnotnull</c> and <c>isnan</c> never.
/// </summary>
internal static class ComparisonFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Comparison(c, "="), Compare, "==", "=");
        registry.Scalar(c => Comparison(c, "<>"), Compare, "!=", "<>");
        registry.Scalar(c => Comparison(c, "<"), Compare, "<");
        registry.Scalar(c => Comparison(c, "<="), Compare, "<=");
        registry.Scalar(c => Comparison(c, ">"), Compare, ">");
        registry.Scalar(c => Comparison(c, ">="), Compare, ">=");
        // Spark's <=> is true for two nulls and false (never null) for one: DuckDB's IS NOT DISTINCT FROM.
        registry.Scalar(c => Comparison(c, "IS NOT DISTINCT FROM"), c => TypedCall.NeverNull(Compare(c).Type), "<=>", "equal_null");
        var logic = ResultRules.Strict(() => SparkTypes.Boolean, SparkTypes.CastsToBoolean, ResultRules.BooleanType);
        registry.Scalar(c => Binary(c, "AND"), logic, "and");
        registry.Scalar(c => Binary(c, "OR"), logic, "or");
        registry.Scalar(c => $"(NOT {c.Expect(1)[0]})", logic, "not", "!");
        registry.Scalar(c => $"({c.Expect(1)[0]} IS NULL)", ResultRules.NeverNull(() => SparkTypes.Boolean), "isnull");
        registry.Scalar(c => $"({c.Expect(1)[0]} IS NOT NULL)", ResultRules.NeverNull(() => SparkTypes.Boolean), "isnotnull");
        // Spark's isnan is false (not null) for null input.
        registry.Scalar(c => $"coalesce(isnan(CAST({c.Expect(1)[0]} AS DOUBLE)), false)",
            c => TypedCall.NeverNull(IsNanType(c)), "isnan");
    }

    /// <summary>Both operands as their common Spark type (a string against a number compares as a number, as ANSI Spark).</summary>
    private static string Comparison(FunctionCall call, string sqlOperator)
    {
        call.Expect(2);
        var common = call.CommonSparkType([0, 1]);
        return $"({call.As(0, common)} {sqlOperator} {call.As(1, common)})";
    }

    private static string Binary(FunctionCall call, string sqlOperator)
    {
        call.Expect(2);
        return $"({call[0]} {sqlOperator} {call[1]})";
    }

    /// <summary>Both sides need a common type (Spark's BINARY_OP_DIFF_TYPES otherwise); maps can't be compared.</summary>
    private static FunctionResult Compare(TypedCall call)
    {
        var common = SparkTypeCoercion.Wider(call.Type(0), call.Type(1))
            ?? throw FunctionErrors.BinaryOpDiffTypes(call.Name, call.Type(0), call.Type(1));
        if (ContainsMap(common)) throw FunctionErrors.InvalidOrderingType(call.Name, common);
        return call.Strict(SparkTypes.Boolean);
    }

    private static DataType IsNanType(TypedCall call)
    {
        call.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType);
        return SparkTypes.Boolean;
    }

    private static bool ContainsMap(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Map => true,
        DataType.KindOneofCase.Array => ContainsMap(type.Array.ElementType),
        DataType.KindOneofCase.Struct => type.Struct.Fields.Any(f => ContainsMap(f.DataType)),
        _ => false,
    };
}
