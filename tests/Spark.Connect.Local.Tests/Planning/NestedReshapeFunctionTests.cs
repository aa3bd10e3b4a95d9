using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// slice, flatten, array_position, map_entries, zip_with, map_filter, transform_values and transform_keys: Spark's
/// answers, types and errors. The expected values of the literal cases are the examples of Spark's function reference
/// (PySpark's pyspark.sql.functions docs and Spark SQL's built-in function list, e.g.
/// https://spark.apache.org/docs/latest/api/python/reference/pyspark.sql/api/pyspark.sql.functions.slice.html);
/// the column cases follow Spark's definitions (ArraySlice, Flatten, ArrayPosition, ZipWith, MapFilter,
/// TransformValues, TransformKeys in collectionOperations.scala / higherOrderFunctions.scala).
/// </summary>
public sealed class NestedReshapeFunctionTests : LambdaTestBase
{
    private static readonly Expression True = Lit(new Expression.Types.Literal { Boolean = true });

    private static Expression IntArray(params int[] values) => Fn("array", values.Select(v => Lit(v)).ToArray());

    [Test]
    public void Slice_counts_from_one_or_from_the_end_and_is_empty_outside_the_array()
    {
        // Spark's docs: slice([1, 2, 3], 2, 2) = [2, 3], slice([4, 5], 2, 2) = [5], slice([1, 2, 3], -1, 1) = [3].
        Assert.That(Values(Fn("slice", IntArray(1, 2, 3), Lit(2), Lit(2)))[0], Is.EqualTo("[2, 3]"));
        Assert.That(Values(Fn("slice", IntArray(4, 5), Lit(2), Lit(2)))[0], Is.EqualTo("[5]"));
        Assert.That(Values(Fn("slice", IntArray(1, 2, 3), Lit(-1), Lit(1)))[0], Is.EqualTo("[3]"));
        Assert.That(Values(Fn("slice", Col("xs"), Lit(2), Lit(5))), Is.EqualTo(new[] { "[NULL, 1]", "[]", "∅" }));
        Assert.That(Values(Fn("slice", Col("xs"), Lit(4), Lit(1))), Is.EqualTo(new[] { "[]", "[]", "∅" }), "a start after the end");
        Assert.That(Values(Fn("slice", Col("xs"), Lit(-4), Lit(2))), Is.EqualTo(new[] { "[]", "[]", "∅" }), "a start before the first element");
        Assert.That(Values(Fn("slice", Col("ss"), Lit(1), Lit(int.MaxValue))), Is.EqualTo(new[] { "[b, NULL, a, b]", "[]", "∅" }), "a huge length does not overflow");
        Assert.That(Values(Fn("slice", Col("xs"), Lit(1), Lit(0))), Is.EqualTo(new[] { "[]", "[]", "∅" }));
        Assert.That(TypeOf(Fn("slice", Col("xs"), Lit(1), Lit(2))), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, true)));
    }

    [Test]
    public void Slice_refuses_start_zero_and_a_negative_length()
    {
        Assert.That(RunError(Fn("slice", Col("xs"), Lit(0), Lit(1))).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.START"));
        var length = RunError(Fn("slice", Col("xs"), Lit(1), Lit(-1)));
        Assert.That(length.ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.LENGTH"));
        Assert.That(length.Message, Does.Contain("but got -1"));
        Assert.That(Values(Fn("slice", Fn("if", Fn("isnull", Col("xs")), Col("xs"), Col("xs")), Lit(new Expression.Types.Literal { Null = SparkTypes.Integer }), Lit(0))),
            Is.EqualTo(new[] { "∅", "∅", "∅" }), "a null argument gives null before anything is checked");
    }

    [Test]
    public void Flatten_joins_inner_arrays_and_is_null_when_one_is_null()
    {
        // Spark's docs: flatten(array(array(1, 2, 3), array(4, 5), array(6))) = [1, 2, 3, 4, 5, 6]; a null inner array gives null.
        Assert.That(Values(Fn("flatten", Fn("array", IntArray(1, 2, 3), IntArray(4, 5), IntArray(6))))[0], Is.EqualTo("[1, 2, 3, 4, 5, 6]"));
        Assert.That(Values(Fn("flatten", Fn("array", IntArray(4, 5), Fn("if", True, Lit(new Expression.Types.Literal { Null = SparkTypes.ArrayOf(SparkTypes.Integer, true) }), IntArray(1)))))[0], Is.EqualTo("∅"));
        Assert.That(Values(Fn("flatten", Col("ll"))), Is.EqualTo(new[] { "[1, 2, 3]", "[]", "∅" }));
        Assert.That(TypeOf(Fn("flatten", Col("ll"))), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, true)));
    }

    [Test]
    public void Array_position_is_one_based_zero_when_missing_and_skips_nulls()
    {
        // Spark's docs: array_position(array(3, 2, 1), 1) = 3; array_position(array('c', 'b', 'a'), 'a') = 3.
        Assert.That(Values(Fn("array_position", IntArray(3, 2, 1), Lit(1)))[0], Is.EqualTo("3"));
        Assert.That(Values(Fn("array_position", Col("ss"), Lit("b"))), Is.EqualTo(new[] { "1", "0", "∅" }));
        Assert.That(Values(Fn("array_position", Col("ss"), Lit("a"))), Is.EqualTo(new[] { "3", "0", "∅" }));
        Assert.That(Values(Fn("array_position", Col("xs"), Lit(new Expression.Types.Literal { Null = SparkTypes.Integer }))), Is.EqualTo(new[] { "∅", "∅", "∅" }),
            "a null value finds nothing, not the null element");
        Assert.That(Values(Fn("array_position", Col("xs"), Lit(1L))), Is.EqualTo(new[] { "3", "0", "∅" }), "the value widens with the elements");
        Assert.That(TypeOf(Fn("array_position", Col("xs"), Lit(1))), Is.EqualTo(SparkTypes.Long));
    }

    [Test]
    public void Map_entries_are_key_value_structs_in_order()
    {
        Assert.That(Values(Fn("map_entries", Col("m"))), Is.EqualTo(new[] { "[{'key': a, 'value': 1}, {'key': b, 'value': NULL}]", "[]", "∅" }));
        var entry = TypeOf(Fn("map_entries", Col("m"))).Array;
        Assert.That(entry.ContainsNull, Is.False);
        Assert.That(entry.ElementType.Struct.Fields.Select(f => (f.Name, f.Nullable)), Is.EqualTo(new[] { ("key", false), ("value", true) }));
    }

    [Test]
    public void Zip_with_pads_the_shorter_array_with_nulls()
    {
        // Spark's docs: zip_with(array(1, 2), array(3, 4), (x, y) -> x + y) = [4, 6].
        Assert.That(Values(Fn("zip_with", IntArray(1, 2), IntArray(3, 4), Lambda(Fn("+", Var("x"), Var("y")), "x", "y")))[0], Is.EqualTo("[4, 6]"));
        var padded = Fn("zip_with", Col("xs"), Col("ss"), Lambda(Fn("named_struct", Lit("a"), Fn("isnull", Var("x")), Lit("b"), Var("s")), "x", "s"));
        Assert.That(Values(padded), Is.EqualTo(new[] { "[{'a': false, 'b': b}, {'a': true, 'b': NULL}, {'a': false, 'b': a}, {'a': true, 'b': b}]", "[]", "∅" }));
        Assert.That(TypeOf(Fn("zip_with", Col("xs"), Col("xs"), Lambda(Fn("coalesce", Var("x"), Var("y"), Lit(0)), "x", "y"))),
            Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, false)));
        Assert.That(Values(Fn("zip_with", Col("xs"), Col("ll"), Lambda(Fn("size", Var("l")), "x", "l"))), Is.EqualTo(new[] { "[2, 1, NULL]", "[]", "∅" }));
    }

    [Test]
    public void Map_filter_keeps_entries_whose_predicate_is_true()
    {
        // Spark's docs: map_filter(map(1, 0, 2, 2, 3, -1), (k, v) -> k > v) = {1 -> 0, 3 -> -1}: entries in order, the key
        // and the value both readable.
        Assert.That(Values(Fn("map_filter", Col("m"), Lambda(Fn("or", Fn("==", Var("k"), Lit("b")), Fn(">", Var("v"), Lit(0))), "k", "v"))),
            Is.EqualTo(new[] { "{a=1, b=NULL}", "{}", "∅" }));
        Assert.That(Values(Fn("map_filter", Col("m"), Lambda(Fn(">", Var("v"), Lit(0)), "k", "v"))), Is.EqualTo(new[] { "{a=1}", "{}", "∅" }), "a null answer drops the entry");
        Assert.That(TypeOf(Fn("map_filter", Col("m"), Lambda(Fn(">", Var("v"), Lit(0)), "k", "v"))).KindCase, Is.EqualTo(DataType.KindOneofCase.Map));
    }

    [Test]
    public void Transform_values_and_keys_keep_the_entries_order()
    {
        // Spark's docs: transform_values(map_from_arrays(array(1, 2, 3), array(1, 2, 3)), (k, v) -> v + 1) = {1 -> 2, 2 -> 3, 3 -> 4};
        // transform_keys(…, (k, v) -> k + 1) = {2 -> 1, 3 -> 2, 4 -> 3}: the other half of each entry kept, in order.
        Assert.That(Values(Fn("transform_values", Col("m"), Lambda(Fn("+", Var("v"), Lit(1)), "k", "v"))), Is.EqualTo(new[] { "{a=2, b=NULL}", "{}", "∅" }));
        Assert.That(Values(Fn("transform_values", Col("m"), Lambda(Fn("concat", Var("k"), Lit("!")), "k", "v"))), Is.EqualTo(new[] { "{a=a!, b=b!}", "{}", "∅" }));
        Assert.That(Values(Fn("transform_keys", Col("m"), Lambda(Fn("upper", Var("k")), "k", "v"))), Is.EqualTo(new[] { "{A=1, B=NULL}", "{}", "∅" }));
        var values = TypeOf(Fn("transform_values", Col("m"), Lambda(Fn("coalesce", Var("v"), Lit(0L)), "k", "v"))).Map;
        Assert.That((values.KeyType, values.ValueType, values.ValueContainsNull), Is.EqualTo((SparkTypes.String, SparkTypes.Long, false)));
    }

    [Test]
    public void Transform_keys_refuses_null_and_repeated_keys()
    {
        Assert.That(RunError(Fn("transform_keys", Col("m"), Lambda(Lit("z"), "k", "v"))).ErrorClass, Is.EqualTo("DUPLICATED_MAP_KEY"));
        Assert.That(RunError(Fn("transform_keys", Col("m"), Lambda(Var("v"), "k", "v"))).ErrorClass, Is.EqualTo("NULL_MAP_KEY"));
    }

    [Test]
    public void Pair_lambdas_need_two_variables_and_the_right_input()
    {
        Assert.That(PlanError(Project(Table("arrays"), Alias(Fn("map_filter", Col("m"), Lambda(True, "k")), "r"))).ErrorClass,
            Is.EqualTo("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH"));
        Assert.That(PlanError(Project(Table("arrays"), Alias(Fn("map_filter", Col("xs"), Lambda(True, "k", "v")), "r"))).ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
        Assert.That(PlanError(Project(Table("arrays"), Alias(Fn("zip_with", Col("xs"), Col("m"), Lambda(Lit(1), "x", "y")), "r"))).ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }
}
