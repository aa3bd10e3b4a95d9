using Spark.Connect.Local.Planning.Functions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Array and map functions over the rows of <c>arrays</c> (values with nulls, empty, null): Spark's answers and errors.</summary>
public sealed class ArrayFunctionTests : LambdaTestBase
{
    private static Expression Extract(Expression child, int index) =>
        new() { UnresolvedExtractValue = new() { Child = child, Extraction = Lit(index) } };

    [Test]
    public void Element_at_counts_from_one_and_from_the_end_and_raises_outside_the_array()
    {
        Assert.That(Lines(Project(Filter(Table("arrays"), Fn("==", Col("id"), Lit(1))),
            Fn("element_at", Col("xs"), Lit(1)), Fn("element_at", Col("xs"), Lit(-1)), Fn("element_at", Col("xs"), Lit(2)))), Is.EqualTo(new[] { "3|1|∅" }));
        var outside = RunError(Fn("element_at", Col("xs"), Lit(4)));
        Assert.That(outside.ErrorClass, Is.EqualTo("INVALID_ARRAY_INDEX_IN_ELEMENT_AT"));
        Assert.That(outside.SqlState, Is.EqualTo("22003"));
        Assert.That(outside.Message, Does.StartWith("The index 4 is out of bounds. The array has 3 elements."));
        Assert.That(RunError(Fn("element_at", Col("xs"), Lit(-4))).ErrorClass, Is.EqualTo("INVALID_ARRAY_INDEX_IN_ELEMENT_AT"));
        Assert.That(RunError(Fn("element_at", Col("xs"), Lit(0))).ErrorClass, Is.EqualTo("INVALID_INDEX_OF_ZERO"));
    }

    [Test]
    public void Try_element_at_is_null_outside_the_array_and_map_lookups_are_null_for_missing_keys()
    {
        Assert.That(Values(Fn("try_element_at", Col("xs"), Lit(4))), Is.EqualTo(new[] { "∅", "∅", "∅" }));
        Assert.That(Values(Fn("try_element_at", Col("xs"), Lit(-3))), Is.EqualTo(new[] { "3", "∅", "∅" }));
        Assert.That(RunError(Fn("try_element_at", Col("xs"), Lit(0))).ErrorClass, Is.EqualTo("INVALID_INDEX_OF_ZERO"));
        Assert.That(Values(Fn("element_at", Col("m"), Lit("a"))), Is.EqualTo(new[] { "1", "∅", "∅" }));
        Assert.That(Values(Fn("element_at", Col("m"), Lit("zz"))), Is.EqualTo(new[] { "∅", "∅", "∅" }));
    }

    [TestCase(3)]
    [TestCase(-1)]
    public void An_array_subscript_outside_the_array_raises_the_ANSI_error(int index)
    {
        var error = RunError(Extract(Col("xs"), index));
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_ARRAY_INDEX"));
        Assert.That(error.Message, Does.StartWith($"The index {index} is out of bounds. The array has 3 elements."));
    }

    [Test]
    public void An_array_subscript_inside_the_array_counts_from_zero() =>
        Assert.That(Lines(Project(Filter(Table("arrays"), Fn("==", Col("id"), Lit(1))), Extract(Col("xs"), 0), Extract(Col("xs"), 2))), Is.EqualTo(new[] { "3|1" }));

    [Test]
    public void Array_max_and_min_skip_nulls_and_are_null_for_empty_arrays()
    {
        Assert.That(Values(Fn("array_max", Col("xs"))), Is.EqualTo(new[] { "3", "∅", "∅" }));
        Assert.That(Values(Fn("array_min", Col("ss"))), Is.EqualTo(new[] { "a", "∅", "∅" }));
    }

    [Test]
    public void Array_distinct_keeps_first_occurrences_in_order_and_one_null()
    {
        Assert.That(Values(Fn("array_distinct", Col("ss"))), Is.EqualTo(new[] { "[b, NULL, a]", "[]", "∅" }));
        Assert.That(Values(Fn("array_distinct", Fn("concat", Col("xs"), Col("xs")))), Is.EqualTo(new[] { "[3, NULL, 1]", "[]", "∅" }));
    }

    [Test]
    public void Set_operations_on_arrays_are_distinct_keep_the_first_arrays_order_and_treat_null_as_a_value()
    {
        var other = Fn("array", Lit(1), Lit(new Literal { Null = SparkTypes.Integer }), Lit(7));
        Assert.That(Values(Fn("array_union", Col("xs"), other)), Is.EqualTo(new[] { "[3, NULL, 1, 7]", "[1, NULL, 7]", "∅" }));
        Assert.That(Values(Fn("array_intersect", Col("xs"), other)), Is.EqualTo(new[] { "[NULL, 1]", "[]", "∅" }));
        Assert.That(Values(Fn("array_except", Col("xs"), other)), Is.EqualTo(new[] { "[3]", "[]", "∅" }));
        Assert.That(Values(Fn("array_except", other, Col("xs"))), Is.EqualTo(new[] { "[7]", "[1, NULL, 7]", "∅" }), "null when either array is");
        var longs = Fn("array", Lit(3L));
        Assert.That(TypeOf(Fn("array_intersect", Col("xs"), longs)), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Long, containsNull: false)));
        Assert.That(Values(Fn("array_intersect", Col("xs"), longs)), Is.EqualTo(new[] { "[3]", "[]", "∅" }));
    }

    [Test]
    public void Concat_of_arrays_keeps_duplicates_and_is_null_when_an_array_is()
    {
        Assert.That(Values(Fn("concat", Col("xs"), Fn("array", Lit(3L)))), Is.EqualTo(new[] { "[3, NULL, 1, 3]", "[3]", "∅" }));
        Assert.That(TypeOf(Fn("concat", Col("xs"), Fn("array", Lit(3L)))).Array.ElementType, Is.EqualTo(SparkTypes.Long));
    }

    [Test]
    public void Sorting_places_nulls_as_spark_does()
    {
        Assert.That(Values(Fn("sort_array", Col("xs"))), Is.EqualTo(new[] { "[NULL, 1, 3]", "[]", "∅" }));
        Assert.That(Values(Fn("sort_array", Col("xs"), Lit(new Literal { Boolean = false }))), Is.EqualTo(new[] { "[3, 1, NULL]", "[]", "∅" }));
        Assert.That(Values(Fn("array_sort", Col("ss"))), Is.EqualTo(new[] { "[a, b, b, NULL]", "[]", "∅" }));
        Assert.That(PlanError(Project(Table("arrays"), Fn("sort_array", Col("xs"), Col("id")))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT").Or.StartsWith("DATATYPE_MISMATCH"));
    }

    [Test]
    public void Structs_sort_with_a_null_field_before_values_ascending_and_after_them_descending()
    {
        Assert.That(Values(Fn("sort_array", Col("ps"))), Is.EqualTo(new[] { "[{'k': NULL, 'v': y}, {'k': 1, 'v': NULL}, {'k': 2, 'v': x}]", "[]", "∅" }));
        Assert.That(Values(Fn("sort_array", Col("ps"), Lit(new Literal { Boolean = false }))),
            Is.EqualTo(new[] { "[{'k': 2, 'v': x}, {'k': 1, 'v': NULL}, {'k': NULL, 'v': y}]", "[]", "∅" }));
    }

    [Test]
    public void Array_join_skips_nulls_unless_replaced_and_takes_a_separator_from_the_row()
    {
        Assert.That(Values(Fn("array_join", Col("ss"), Lit(","))), Is.EqualTo(new[] { "b,a,b", "", "∅" }));
        Assert.That(Values(Fn("array_join", Col("ss"), Lit(","), Lit("?"))), Is.EqualTo(new[] { "b,?,a,b", "", "∅" }));
        Assert.That(Values(Fn("array_join", Col("ss"), Fn("concat", Lit("-"), Col("id")))), Is.EqualTo(new[] { "b-1a-1b", "", "∅" }), "a separator from the row");
        Assert.That(Values(Fn("array_join", Col("ss"), Lit(new Literal { Null = SparkTypes.String }))), Is.EqualTo(new[] { "∅", "∅", "∅" }));
        Assert.That(Values(Fn("array_join", Col("xs"), Lit(","))), Is.EqualTo(new[] { "3,1", "", "∅" }), "numbers are cast to text implicitly");
        Assert.That(Values(Fn("array_join", Fn("array", Lit(1.0), Lit(1e20)), Lit(","))), Is.EqualTo(new[] { "1.0,1.0E20", "1.0,1.0E20", "1.0,1.0E20" }), "as Java writes doubles");
        Assert.That(PlanError(Project(Table("arrays"), Fn("array_join", Col("ll"), Lit(",")))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Array_contains_is_null_when_no_element_matches_but_one_is_null()
    {
        Assert.That(Values(Fn("array_contains", Col("xs"), Lit(3))), Is.EqualTo(new[] { "true", "false", "∅" }));
        Assert.That(Values(Fn("array_contains", Col("xs"), Lit(9))), Is.EqualTo(new[] { "∅", "false", "∅" }));
    }

    [Test]
    public void Map_keys_values_and_key_tests()
    {
        Assert.That(Values(Fn("map_keys", Col("m"))), Is.EqualTo(new[] { "[a, b]", "[]", "∅" }));
        Assert.That(Values(Fn("map_values", Col("m"))), Is.EqualTo(new[] { "[1, NULL]", "[]", "∅" }));
        Assert.That(Values(Fn("map_contains_key", Col("m"), Lit("b"))), Is.EqualTo(new[] { "true", "false", "∅" }));
        Assert.That(Values(Fn("size", Col("m"))), Is.EqualTo(new[] { "2", "0", "∅" }));
        Assert.That(TypeOf(Fn("map_keys", Col("m"))), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.String, containsNull: false)));
    }

    [Test]
    public void Raise_error_fails_the_query_with_the_users_message()
    {
        var error = RunError(Fn("if", Fn("==", Col("id"), Lit(2)), Fn("raise_error", Fn("concat", Lit("row "), Col("id"))), Lit(0)));
        Assert.That(error.ErrorClass, Is.EqualTo("USER_RAISED_EXCEPTION"));
        Assert.That(error.SqlState, Is.EqualTo("P0001"));
        Assert.That(error.Message, Is.EqualTo("row 2"), "only the row that reaches raise_error fails, with its own text");
        Assert.That(error.MessageParameters["errorMessage"], Is.EqualTo("row 2"));
    }
}
