using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>nanvl</c>, <c>nullifzero</c>, <c>zeroifnull</c>, <c>width_bucket</c>, <c>json_array_length</c>,
/// <c>json_object_keys</c> and <c>array_insert</c>. Expected values are the examples of Spark's <c>ExpressionDescription</c>s
/// (<c>nullExpressions.scala</c>, <c>mathExpressions.scala</c>, <c>jsonExpressions.scala</c>, <c>collectionOperations.scala</c>).
/// </summary>
public sealed class NumericEdgeFunctionTests : LibraryTestBase
{
    private static Expression Array(params int[] values) => Fn("array", values.Select(v => Lit(v)).ToArray());

    [Test]
    public void Nanvl_replaces_nan_only()
    {
        Assert.That(Value(Fn("nanvl", Lit(double.NaN), Lit(123))), Is.EqualTo("123.0"));
        Assert.That(Value(Fn("nanvl", Lit(1.5), Lit(123))), Is.EqualTo("1.5"));
        var field = Field(Fn("nanvl", Col("i"), Lit(0)));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("nanvl(i, 0)", SparkTypes.Double)));
    }

    [Test]
    public void Nullifzero_and_zeroifnull_swap_zero_and_null()
    {
        Assert.That(Value(Fn("nullifzero", Lit(0))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("nullifzero", Lit(2))), Is.EqualTo("2"));
        Assert.That(Value(Fn("zeroifnull", Null(SparkTypes.Integer))), Is.EqualTo("0"));
        Assert.That(Value(Fn("zeroifnull", Lit(2))), Is.EqualTo("2"));
        var field = Field(Fn("zeroifnull", Null(SparkTypes.Long)));
        Assert.That((field.DataType, field.Nullable), Is.EqualTo((SparkTypes.Long, false)));
    }

    [Test]
    public void Width_bucket_places_values_in_equal_buckets()
    {
        Assert.That(Value(Fn("width_bucket", Lit(5.3), Lit(0.2), Lit(10.6), Lit(5))), Is.EqualTo("3"));
        Assert.That(Value(Fn("width_bucket", Lit(-2.1), Lit(1.3), Lit(3.4), Lit(3))), Is.EqualTo("0"));
        Assert.That(Value(Fn("width_bucket", Lit(8.1), Lit(0.0), Lit(5.7), Lit(4))), Is.EqualTo("5"));
        Assert.That(Value(Fn("width_bucket", Lit(-0.9), Lit(5.2), Lit(0.5), Lit(2))), Is.EqualTo("3"));
        Assert.That(Value(Fn("width_bucket", Lit(1.0), Lit(0.0), Lit(2.0), Lit(0))), Is.EqualTo("∅"), "no buckets");
        Assert.That(Field(Fn("width_bucket", Lit(5.3), Lit(0.2), Lit(10.6), Lit(5))).DataType, Is.EqualTo(SparkTypes.Long));
    }

    [Test]
    public void Json_shapes_are_read_from_valid_json_only()
    {
        Assert.That(Value(Fn("json_array_length", Lit("[1,2,3,4]"))), Is.EqualTo("4"));
        Assert.That(Value(Fn("json_array_length", Lit("[1,2,3,{\"f1\":1,\"f2\":[5,6]},4]"))), Is.EqualTo("5"));
        Assert.That(Value(Fn("json_array_length", Lit("[1,2"))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("json_object_keys", Lit("{}"))), Is.EqualTo("[]"));
        Assert.That(Value(Fn("json_object_keys", Lit("{\"f1\":\"abc\",\"f2\":{\"f3\":\"a\", \"f4\":\"b\"}}"))), Is.EqualTo("[f1, f2]"));
        Assert.That(Value(Fn("json_object_keys", Lit("[1]"))), Is.EqualTo("∅"));
        Assert.That(Field(Fn("json_array_length", Col("c1"))).DataType, Is.EqualTo(SparkTypes.Integer));
    }

    [Test]
    public void Array_insert_counts_positions_from_either_end_and_pads_with_nulls()
    {
        Assert.That(Value(Fn("array_insert", Array(1, 2, 3, 4), Lit(5), Lit(5))), Is.EqualTo("[1, 2, 3, 4, 5]"));
        Assert.That(Value(Fn("array_insert", Array(5, 4, 3, 2), Lit(-1), Lit(1))), Is.EqualTo("[5, 4, 3, 2, 1]"));
        Assert.That(Value(Fn("array_insert", Array(5, 3, 2, 1), Lit(-4), Lit(4))), Is.EqualTo("[5, 4, 3, 2, 1]"));
        Assert.That(Value(Fn("array_insert", Array(1, 2), Lit(1), Lit(9))), Is.EqualTo("[9, 1, 2]"));
        Assert.That(Value(Fn("array_insert", Array(1, 2), Lit(5), Lit(9))), Is.EqualTo("[1, 2, NULL, NULL, 9]"));
        Assert.That(Value(Fn("array_insert", Array(1, 2), Lit(-5), Lit(9))), Is.EqualTo("[9, NULL, NULL, 1, 2]"));
        Assert.That(Value(Fn("array_insert", Array(1, 2), Lit(-3), Lit(9))), Is.EqualTo("[9, 1, 2]"));
        Assert.That(((Spark.Connect.Local.Planning.LocalEngineException)RunError(Fn("array_insert", Array(1), Lit(0), Lit(9)))).ErrorClass,
            Is.EqualTo("INVALID_INDEX_OF_ZERO"));
        Assert.That(Field(Fn("array_insert", Array(1), Lit(1), Lit(2L))).DataType, Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Long, true)));
    }

    [Test]
    public void Uuid_is_a_fresh_random_uuid_in_javas_text_form()
    {
        // Spark's uuid() is non-deterministic: only the form (UUID.toString) and the type can be checked.
        var first = Value(Fn("uuid"));
        Assert.That(first, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(Value(Fn("uuid")), Is.Not.EqualTo(first));
        var field = Field(Fn("uuid"));
        Assert.That((field.Name, field.DataType, field.Nullable), Is.EqualTo(("uuid()", SparkTypes.String, false)));
    }
}
