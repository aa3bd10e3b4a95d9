using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// Array and map functions. Expected values are the examples of Spark's <c>ExpressionDescription</c>s in
/// <c>collectionOperations.scala</c> and <c>complexTypeCreator.scala</c> (shown by DuckDB as <c>[a, b]</c> and <c>{k=v}</c>).
/// </summary>
public sealed class CollectionLibraryTests : LibraryTestBase
{
    private static Expression Arr(params Expression[] elements) => Fn("array", elements);

    private static Expression Letters => Arr(Lit("b"), Lit("d"), Lit("c"), Lit("a"));

    [Test]
    public void Array_append_prepend_remove_and_compact_follow_sparks_examples()
    {
        Assert.That(Value(Fn("array_append", Letters, Lit("d"))), Is.EqualTo("[b, d, c, a, d]"));
        Assert.That(Value(Fn("array_prepend", Letters, Lit("d"))), Is.EqualTo("[d, b, d, c, a]"));
        Assert.That(Value(Fn("array_append", Fn("array_compact", Arr(Null(SparkTypes.String))), Col("n"))), Is.EqualTo("[NULL]"), "a null element is appended too");
        Assert.That(Value(Fn("array_append", Null(SparkTypes.ArrayOf(SparkTypes.Integer, true)), Lit(1))), Is.EqualTo("∅"));
        var withNull = Arr(Lit(1), Lit(2), Lit(3), Null(SparkTypes.Integer), Lit(3));
        Assert.That(Value(Fn("array_remove", withNull, Lit(3))), Is.EqualTo("[1, 2, NULL]"));
        Assert.That(Value(Fn("array_compact", Arr(Lit(1), Lit(2), Lit(3), Null(SparkTypes.Integer)))), Is.EqualTo("[1, 2, 3]"));
        Assert.That(Field(Fn("array_compact", withNull)).DataType, Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, false)));
        Assert.That(Field(Fn("array_append", Arr(Lit(1)), Lit(2L))).DataType, Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Long, false)));
    }

    [Test]
    public void Array_repeat_arrays_overlap_and_flatten_follow_sparks_examples()
    {
        Assert.That(Value(Fn("array_repeat", Lit("123"), Lit(2))), Is.EqualTo("[123, 123]"));
        Assert.That(Value(Fn("array_repeat", Lit("123"), Lit(-1))), Is.EqualTo("[]"));
        Assert.That(Value(Fn("arrays_overlap", Arr(Lit(1), Lit(2), Lit(3)), Arr(Lit(3), Lit(4), Lit(5)))), Is.EqualTo("true"));
        Assert.That(Value(Fn("arrays_overlap", Arr(Lit(1), Lit(2)), Arr(Lit(3), Lit(4)))), Is.EqualTo("false"));
        Assert.That(Value(Fn("arrays_overlap", Arr(Lit(1), Null(SparkTypes.Integer)), Arr(Lit(3)))), Is.EqualTo("∅"), "the null might have been 3");
        Assert.That(Value(Fn("flatten", Arr(Arr(Lit(1), Lit(2)), Arr(Lit(3), Lit(4))))), Is.EqualTo("[1, 2, 3, 4]"));
        Assert.That(Value(Fn("flatten", Arr(Arr(Lit(1)), Null(SparkTypes.ArrayOf(SparkTypes.Integer, true))))), Is.EqualTo("∅"));
    }

    [Test]
    public void Maps_are_built_as_sparks_examples_build_them()
    {
        Assert.That(Value(Fn("map", Lit(1), Lit("2"), Lit(3), Lit("4"))), Is.EqualTo("{1=2, 3=4}"));
        Assert.That(Value(Fn("map_from_arrays", Arr(Lit(1), Lit(3)), Arr(Lit("2"), Lit("4")))), Is.EqualTo("{1=2, 3=4}"));
        Assert.That(Value(Fn("map_from_entries", Arr(Fn("struct", Lit(1), Lit("a")), Fn("struct", Lit(2), Lit("b"))))), Is.EqualTo("{1=a, 2=b}"));
        Assert.That(Value(Fn("map_concat", Fn("map", Lit(1), Lit("a"), Lit(2), Lit("b")), Fn("map", Lit(3), Lit("c")))), Is.EqualTo("{1=a, 2=b, 3=c}"));
        Assert.That(Value(Fn("map_entries", Fn("map", Lit(1), Lit("a"), Lit(2), Lit("b")))), Is.EqualTo("[{'key': 1, 'value': a}, {'key': 2, 'value': b}]"));
        var type = Field(Fn("map", Lit(1), Lit("a"), Lit(2L), Col("n"))).DataType.Map;
        Assert.That((type.KeyType, type.ValueType, type.ValueContainsNull), Is.EqualTo((SparkTypes.Long, SparkTypes.String, true)));
    }

    [Test]
    public void Str_to_map_splits_pairs_and_keys_as_sparks_examples_do()
    {
        Assert.That(Value(Fn("str_to_map", Lit("a:1,b:2,c:3"), Lit(","), Lit(":"))), Is.EqualTo("{a=1, b=2, c=3}"));
        Assert.That(Value(Fn("str_to_map", Lit("a"))), Is.EqualTo("{a=NULL}"));
        Assert.That(Value(Fn("element_at", Fn("str_to_map", Lit("a=1=2;b=3"), Lit(";"), Lit("=")), Lit("a"))), Is.EqualTo("1=2"), "split at the first key-value delimiter");
        var type = Field(Fn("str_to_map", Col("c1"))).DataType.Map;
        Assert.That((type.KeyType, type.ValueType, type.ValueContainsNull), Is.EqualTo((SparkTypes.String, SparkTypes.String, true)));
        Assert.That(((LocalEngineException)RunError(Fn("str_to_map", Lit("a:1,a:2")))).ErrorClass, Is.EqualTo("DUPLICATED_MAP_KEY"));
    }

    [Test]
    public void A_repeated_or_null_key_raises_as_spark_does_by_default()
    {
        var repeated = (LocalEngineException)RunError(Fn("map_concat", Fn("map", Lit(1), Lit("a")), Fn("map", Lit(1), Lit("b"))));
        Assert.That((repeated.ErrorClass, repeated.SqlState), Is.EqualTo(("DUPLICATED_MAP_KEY", "23505")));
        Assert.That(((LocalEngineException)RunError(Fn("map", Lit(1), Lit("a"), Lit(1), Lit("b")))).ErrorClass, Is.EqualTo("DUPLICATED_MAP_KEY"));
        Assert.That(((LocalEngineException)RunError(Fn("map_from_arrays", Arr(Col("n")), Arr(Lit(1))))).ErrorClass, Is.EqualTo("NULL_MAP_KEY"));
    }
}
