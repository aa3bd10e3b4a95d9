using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;
using static Spark.Connect.Local.Tests.Planning.Functions.T;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>Spark's typing rules, with expectations from Spark's documentation and expression classes.</summary>
public class FunctionResultTypeTests
{
    private static TypedArg Nullable(DataType type) => TypedArg.Column(type, nullable: true);
    private static TypedArg NotNull(DataType type) => TypedArg.Column(type, nullable: false);

    private static FunctionResult Of(string name, params TypedArg[] args) =>
        FunctionResultTypes.Of(name, args.Select(a => a.ForResolver).ToList(), isDistinct: false, isWindowed: false);

    private static FunctionResult Windowed(string name, params TypedArg[] args) =>
        FunctionResultTypes.Of(name, args.Select(a => a.ForResolver).ToList(), isDistinct: false, isWindowed: true);

    private static LocalEngineException Fails(string name, params TypedArg[] args) =>
        Assert.Throws<LocalEngineException>(() => Of(name, args))!;

    [Test]
    public void Decimal_arithmetic_follows_spark_decimal_precision()
    {
        // p = max(p1-s1, p2-s2) + max(s1, s2) + 1; s = max(s1, s2): 8 integral digits, 3 fraction digits, 1 carry.
        Assert.That(Of("+", NotNull(Dec(10, 2)), NotNull(Dec(5, 3))), Is.EqualTo(new FunctionResult(Dec(12, 3), false)));
        Assert.That(Of("+", NotNull(Dec(10, 2)), NotNull(Dec(10, 2))).Type, Is.EqualTo(Dec(11, 2)));
        // An int operand counts as decimal(10,0).
        Assert.That(Of("-", NotNull(Dec(10, 2)), NotNull(Int)).Type, Is.EqualTo(Dec(13, 2)));
        // p = p1+p2+1, s = s1+s2; past 38 digits the scale gives way, keeping at least 6.
        Assert.That(Of("*", NotNull(Dec(10, 2)), NotNull(Dec(5, 3))).Type, Is.EqualTo(Dec(16, 5)));
        Assert.That(Of("*", NotNull(Dec(38, 10)), NotNull(Dec(38, 10))).Type, Is.EqualTo(Dec(38, 6)));
        // s = max(6, s1 + p2 + 1), p = p1 - s1 + s2 + s
        Assert.That(Of("/", NotNull(Dec(10, 2)), NotNull(Dec(5, 3))).Type, Is.EqualTo(Dec(19, 8)));
        Assert.That(Of("%", NotNull(Dec(10, 2)), NotNull(Dec(5, 3))).Type, Is.EqualTo(Dec(5, 3)));
    }

    [Test]
    public void Division_is_double_unless_decimals_are_divided_and_is_always_nullable()
    {
        Assert.That(Of("/", NotNull(Int), NotNull(Int)), Is.EqualTo(new FunctionResult(Dbl, true)));
        Assert.That(Of("/", NotNull(Flt), NotNull(Flt)).Type, Is.EqualTo(Dbl));
        Assert.That(Of("div", NotNull(Int), NotNull(Int)), Is.EqualTo(new FunctionResult(Long, true)));
        Assert.That(Of("%", NotNull(Int), NotNull(Long)), Is.EqualTo(new FunctionResult(Long, true)));
        Assert.That(Of("+", NotNull(Int), NotNull(Int)).Nullable, Is.False);
        Assert.That(Of("+", NotNull(Int), Nullable(Int)).Nullable, Is.True);
    }

    [Test]
    public void Numbers_widen_to_the_wider_operand()
    {
        Assert.That(Of("+", NotNull(Tiny), NotNull(Small)).Type, Is.EqualTo(Small));
        Assert.That(Of("+", NotNull(Int), NotNull(Long)).Type, Is.EqualTo(Long));
        Assert.That(Of("*", NotNull(Long), NotNull(Flt)).Type, Is.EqualTo(Flt));
        Assert.That(Of("+", NotNull(Dec(5, 2)), NotNull(Flt)).Type, Is.EqualTo(Dbl));
        Assert.That(Of("&", NotNull(Small), NotNull(Int)).Type, Is.EqualTo(Int));
        // ANSI: a string meeting an integer is a bigint, a fraction a double, a decimal that decimal.
        Assert.That(Of("+", NotNull(Str), NotNull(Int)).Type, Is.EqualTo(Long));
        Assert.That(Of("+", NotNull(Str), NotNull(Flt)).Type, Is.EqualTo(Dbl));
        Assert.That(Of("+", NotNull(Str), NotNull(Dec(5, 2))).Type, Is.EqualTo(Dec(6, 2)));
        Assert.That(Of("div", NotNull(Str), NotNull(Int)).Type, Is.EqualTo(Long));
    }

    [Test]
    public void Datetime_arithmetic_has_sparks_types()
    {
        Assert.That(Of("-", NotNull(Date), NotNull(Date)).Type, Is.EqualTo(SparkTypes.DayTimeInterval(0, 0)));
        Assert.That(Of("-", NotNull(Ts), NotNull(Ts)).Type, Is.EqualTo(SparkTypes.DayTimeInterval(0, 3)));
        Assert.That(Of("+", NotNull(Date), NotNull(YearMonth)).Type, Is.EqualTo(Date));
        Assert.That(Of("+", NotNull(DayTime), NotNull(Date)).Type, Is.EqualTo(Ts));
        Assert.That(Of("+", NotNull(Ntz), NotNull(DayTime)).Type, Is.EqualTo(Ntz));
        Assert.That(Of("-", NotNull(Date), NotNull(Int)).Type, Is.EqualTo(Date));
    }

    [Test]
    public void Aggregates_have_sparks_result_types_and_only_counts_and_collections_are_never_null()
    {
        Assert.That(Of("sum", NotNull(Int)), Is.EqualTo(new FunctionResult(Long, true)));
        Assert.That(Of("sum", NotNull(Dec(10, 2))).Type, Is.EqualTo(Dec(20, 2)));
        Assert.That(Of("sum", NotNull(Dec(35, 2))).Type, Is.EqualTo(Dec(38, 2)));
        Assert.That(Of("sum", NotNull(Flt)).Type, Is.EqualTo(Dbl));
        Assert.That(Of("avg", NotNull(Dec(10, 2))), Is.EqualTo(new FunctionResult(Dec(14, 6), true)));
        Assert.That(Of("avg", NotNull(Int)).Type, Is.EqualTo(Dbl));
        Assert.That(Of("count", Nullable(Str)), Is.EqualTo(new FunctionResult(Long, false)));
        Assert.That(Of("count", TypedArg.Star), Is.EqualTo(new FunctionResult(Long, false)));
        Assert.That(Of("count_if", Nullable(Bool)), Is.EqualTo(new FunctionResult(Long, false)));
        Assert.That(Of("max", NotNull(Date)), Is.EqualTo(new FunctionResult(Date, true)));
        var collected = Of("collect_list", Nullable(Int));
        Assert.That(collected.Type, Is.EqualTo(SparkTypes.ArrayOf(Int, containsNull: false)));
        Assert.That(collected.Nullable, Is.False);
        Assert.That(Windowed("sum", NotNull(Int)), Is.EqualTo(new FunctionResult(Long, true)));
    }

    [Test]
    public void Window_functions_rank_as_non_null_ints_and_lag_is_null_only_without_a_non_null_default()
    {
        Assert.That(Windowed("row_number"), Is.EqualTo(new FunctionResult(Int, false)));
        Assert.That(Windowed("percent_rank"), Is.EqualTo(new FunctionResult(Dbl, false)));
        Assert.That(Windowed("lag", NotNull(Str)), Is.EqualTo(new FunctionResult(Str, true)));
        Assert.That(Windowed("lead", NotNull(Str), TypedArg.Lit(1), NotNull(Str)), Is.EqualTo(new FunctionResult(Str, false)));
    }

    [Test]
    public void Coalesce_is_null_only_when_every_argument_can_be_and_takes_the_common_type()
    {
        Assert.That(Of("coalesce", Nullable(Int), NotNull(Int)), Is.EqualTo(new FunctionResult(Int, false)));
        Assert.That(Of("coalesce", Nullable(Int), Nullable(Long)), Is.EqualTo(new FunctionResult(Long, true)));
        Assert.That(Of("coalesce", Nullable(Int), NotNull(Dec(5, 2))).Type, Is.EqualTo(Dec(12, 2)));
        Assert.That(Of("greatest", Nullable(Int), NotNull(Int)).Nullable, Is.False);
        Assert.That(Of("nullif", NotNull(Int), NotNull(Int)).Nullable, Is.True);
    }

    [Test]
    public void Case_when_is_nullable_without_an_else_or_with_a_nullable_branch()
    {
        Assert.That(Of("when", NotNull(Bool), NotNull(Int)), Is.EqualTo(new FunctionResult(Int, true)));
        Assert.That(Of("when", Nullable(Bool), NotNull(Int), NotNull(Long)), Is.EqualTo(new FunctionResult(Long, false)));
        Assert.That(Of("when", NotNull(Bool), Nullable(Int), NotNull(Int)).Nullable, Is.True);
        Assert.That(Of("if", NotNull(Bool), NotNull(Str), NotNull(Str)), Is.EqualTo(new FunctionResult(Str, false)));
    }

    [Test]
    public void Null_tests_and_null_safe_equality_are_never_null_comparisons_follow_their_operands()
    {
        Assert.That(Of("isnull", Nullable(Int)), Is.EqualTo(new FunctionResult(Bool, false)));
        Assert.That(Of("isnotnull", Nullable(Int)).Nullable, Is.False);
        Assert.That(Of("<=>", Nullable(Int), Nullable(Int)).Nullable, Is.False);
        Assert.That(Of("==", Nullable(Int), NotNull(Int)), Is.EqualTo(new FunctionResult(Bool, true)));
        Assert.That(Of("<", NotNull(Int), NotNull(Dec(5, 2))).Nullable, Is.False);
        Assert.That(Of("isnan", Nullable(Dbl)).Nullable, Is.False);
    }

    [Test]
    public void String_functions_return_strings_ints_and_booleans_null_when_an_input_is()
    {
        Assert.That(Of("concat", NotNull(Str), NotNull(Str)), Is.EqualTo(new FunctionResult(Str, false)));
        Assert.That(Of("concat", NotNull(Str), Nullable(Int)), Is.EqualTo(new FunctionResult(Str, true)));
        Assert.That(Of("concat", NotNull(Arr(Int)), NotNull(Arr(Int))).Type, Is.EqualTo(Arr(Int)));
        Assert.That(Of("concat_ws", NotNull(Str), Nullable(Str)).Nullable, Is.False);
        Assert.That(Of("length", NotNull(Str)), Is.EqualTo(new FunctionResult(Int, false)));
        Assert.That(Of("upper", Nullable(Str)), Is.EqualTo(new FunctionResult(Str, true)));
        Assert.That(Of("startswith", NotNull(Str), NotNull(Str)).Type, Is.EqualTo(Bool));
        Assert.That(Of("split", NotNull(Str), NotNull(Str)).Type, Is.EqualTo(SparkTypes.ArrayOf(Str, containsNull: false)));
    }

    [Test]
    public void Math_and_rounding_types()
    {
        Assert.That(Of("sqrt", NotNull(Int)), Is.EqualTo(new FunctionResult(Dbl, false)));
        Assert.That(Of("ln", NotNull(Dbl)).Nullable, Is.True, "null for x <= 0");
        Assert.That(Of("ceil", NotNull(Dbl)).Type, Is.EqualTo(Long));
        Assert.That(Of("floor", NotNull(Dec(10, 2))).Type, Is.EqualTo(Dec(9, 0)));
        Assert.That(Of("round", NotNull(Dec(10, 3)), TypedArg.Lit(1)).Type, Is.EqualTo(Dec(9, 1)));
        Assert.That(Of("round", NotNull(Dec(10, 3)), TypedArg.Lit(-2)).Type, Is.EqualTo(Dec(8, 0)));
        Assert.That(Of("round", NotNull(Int), TypedArg.Lit(-1)).Type, Is.EqualTo(Int));
        Assert.That(Of("abs", NotNull(Dec(5, 2))).Type, Is.EqualTo(Dec(5, 2)));
    }

    [Test]
    public void Date_functions_types()
    {
        Assert.That(Of("year", NotNull(Date)), Is.EqualTo(new FunctionResult(Int, false)));
        Assert.That(Of("hour", Nullable(Ts)), Is.EqualTo(new FunctionResult(Int, true)));
        Assert.That(Of("date_add", NotNull(Date), NotNull(Int)).Type, Is.EqualTo(Date));
        Assert.That(Of("unix_seconds", NotNull(Ts)).Type, Is.EqualTo(Long));
        Assert.That(Of("current_timestamp"), Is.EqualTo(new FunctionResult(Ts, false)));
        Assert.That(Of("to_timestamp", NotNull(Str)).Type, Is.EqualTo(Ts));
        Assert.That(Of("date_trunc", TypedArg.Lit("MONTH"), NotNull(Ts)), Is.EqualTo(new FunctionResult(Ts, true)));
        Assert.That(Of("date_part", TypedArg.Lit("SECOND"), NotNull(Ts)).Type, Is.EqualTo(Dec(8, 6)));
        Assert.That(Of("date_part", TypedArg.Lit("HOUR"), NotNull(DayTime)).Type, Is.EqualTo(Tiny));
        Assert.That(Of("make_ym_interval", NotNull(Int)).Type, Is.EqualTo(YearMonth));
    }

    [Test]
    public void Collections_types()
    {
        var structType = Of("named_struct", TypedArg.Lit("a"), NotNull(Int), TypedArg.Lit("b"), Nullable(Str));
        Assert.That(structType.Nullable, Is.False);
        Assert.That(structType.Type.Struct.Fields.Select(f => (f.Name, SparkTypes.Name(f.DataType), f.Nullable)),
            Is.EqualTo(new[] { ("a", "int", false), ("b", "string", true) }));
        Assert.That(Of("array", NotNull(Int), Nullable(Long)), Is.EqualTo(new FunctionResult(SparkTypes.ArrayOf(Long, true), false)));
        Assert.That(Of("get", NotNull(Arr(Str)), NotNull(Int)), Is.EqualTo(new FunctionResult(Str, true)));
        Assert.That(Of("size", Nullable(Arr(Str))), Is.EqualTo(new FunctionResult(Int, true)));
        Assert.That(Of("explode", NotNull(SparkTypes.ArrayOf(Int, false))), Is.EqualTo(new FunctionResult(Int, false)));
        Assert.That(Of("explode_outer", NotNull(SparkTypes.ArrayOf(Int, false))).Nullable, Is.True);
    }

    [Test]
    public void Unknown_functions_and_wrong_argument_counts_raise_what_rendering_raises()
    {
        var unknown = Fails("make_coffee", NotNull(Int));
        Assert.That((unknown.ErrorClass, unknown.SqlState), Is.EqualTo(("UNRESOLVED_ROUTINE", "42883")));
        Assert.That(Fails("upper").ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
        Assert.That(Fails("date_add", NotNull(Date)).ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
        Assert.That(Fails("round", NotNull(Dbl), NotNull(Int)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
        Assert.That(Fails("row_number").ErrorClass, Is.EqualTo("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"));
        var distinct = Assert.Throws<LocalEngineException>(() =>
            FunctionResultTypes.Of("upper", [NotNull(Str).ForResolver], isDistinct: true, isWindowed: false))!;
        Assert.That(distinct.ErrorClass, Is.EqualTo("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX"));
    }

    [TestCase("upper")]
    [TestCase("length")]
    [TestCase("year")]
    [TestCase("sqrt")]
    [TestCase("sum")]
    public void Arguments_of_a_type_spark_does_not_accept_raise_unexpected_input_type(string name)
    {
        var error = Fails(name, NotNull(Arr(Int)));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09")));
        Assert.That(error.Message, Does.Contain(name));
    }

    [Test]
    public void Operands_without_a_common_type_raise_spark_mismatch_classes()
    {
        Assert.That(Fails("==", NotNull(Int), NotNull(Arr(Int))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES"));
        Assert.That(Fails("+", NotNull(Date), NotNull(Date)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES"));
        Assert.That(Fails("coalesce", NotNull(Int), NotNull(Arr(Int))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.DATA_DIFF_TYPES"));
        Assert.That(Fails("&", NotNull(Dbl), NotNull(Int)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
        Assert.That(Fails("and", NotNull(Int), NotNull(Bool)).SqlState, Is.EqualTo("42K09"));
        var map = new DataType { Map = new DataType.Types.Map { KeyType = Str, ValueType = Int } };
        Assert.That(Fails("<", NotNull(map), NotNull(map)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE"));
    }
}
