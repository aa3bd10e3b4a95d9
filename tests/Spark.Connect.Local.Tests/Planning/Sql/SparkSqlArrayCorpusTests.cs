namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Array functions and column names that Spark's array.sql corpus file checks: arrays_zip, cast aliases
/// (float(x), double(x)), sort_array with a null direction, array_insert's type check, and the names Spark gives
/// casts to complex types, IS [NOT] NULL, double and negative-zero decimal literals, and typed literals in calls.
/// </summary>
public sealed class SparkSqlArrayCorpusTests : SparkSqlTestBase
{
    [Test]
    public void Arrays_zip_pads_the_shorter_arrays_with_nulls_and_names_fields_by_position()
    {
        Assert.That(Query("SELECT arrays_zip(array(1, 2), array('a'))"), Is.EqualTo(new[] { "[{'0': 1, '1': a}, {'0': 2, '1': NULL}]" }));
        Assert.That(Schema("SELECT arrays_zip(array(1, 2), array('a'))"),
            Is.EqualTo(new[] { "arrays_zip(array(1, 2), array(a)):array<struct<0:int,1:string>>" }));
        Assert.That(Query("SELECT size(arrays_zip(array(1, 2, 3), array(4), array(7, 8, 9, 10))), size(arrays_zip(array(), array(4)))"),
            Is.EqualTo(new[] { "4|1" }));
    }

    [Test]
    public void Arrays_zip_names_fields_after_columns_and_is_null_when_any_array_is()
    {
        Assert.That(Schema("SELECT arrays_zip(b, c) FROM (SELECT array(1) AS b, array(2L) AS c)"),
            Is.EqualTo(new[] { "arrays_zip(b, c):array<struct<b:int,c:bigint>>" }));
        Assert.That(Query("SELECT arrays_zip(array(1), NULL) IS NULL, arrays_zip(array(1), CAST(NULL AS ARRAY<INT>)) IS NULL"),
            Is.EqualTo(new[] { "true|true" }));
        Assert.That(QueryError("SELECT arrays_zip(1)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Cast_aliases_cast_and_are_named_after_their_argument()
    {
        Assert.That(Schema("SELECT float(2.0), double('NaN'), int('7'), string(1)"), Is.EqualTo(new[] { "2.0:float", "NaN:double", "7:int", "1:string" }));
        Assert.That(Query("SELECT float(2.5) * 2, int('7') + 1, isnan(double('NaN'))"), Is.EqualTo(new[] { "5.0|8|true" }));
        Assert.That(QueryError("SELECT float(1, 2)").ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }

    [Test]
    public void Sort_array_with_a_null_direction_is_null_and_its_name_shows_the_default_direction()
    {
        Assert.That(Query("SELECT sort_array(array('b', 'd'), CAST(NULL AS BOOLEAN))"), Is.EqualTo(new[] { "∅" }));
        Assert.That(Schema("SELECT sort_array(array('b', 'd'), CAST(NULL AS BOOLEAN))"),
            Is.EqualTo(new[] { "sort_array(array(b, d), CAST(NULL AS BOOLEAN)):array<string>" }));
        Assert.That(Schema("SELECT sort_array(array(2, 1))"), Is.EqualTo(new[] { "sort_array(array(2, 1), true):array<int>" }));
        Assert.That(QueryError("SELECT sort_array(array('b', 'd'), '1')").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Array_insert_refuses_a_string_for_an_int_array()
    {
        Assert.That(QueryError("SELECT array_insert(array(1, 2, 3), 3, '4')").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES"));
        Assert.That(Query("SELECT array_insert(array(1), 2, CAST(2 AS TINYINT))"), Is.EqualTo(new[] { "[1, 2]" }));
    }

    [Test]
    public void Array_insert_reads_the_legacy_negative_index_setting()
    {
        const string query = "SELECT array_insert(array(1, 3, 4), -2, 2), array_insert(array(2, 3, NULL, 4), -5, 1), array_insert(array(1, 2), -1, 9)";
        Assert.That(Query(query), Is.EqualTo(new[] { "[1, 3, 2, 4]|[1, 2, 3, NULL, 4]|[1, 2, 9]" }));
        Session.Settings["spark.sql.legacy.negativeIndexInArrayInsert"] = "true";
        Assert.That(Query(query), Is.EqualTo(new[] { "[1, 2, 3, 4]|[1, NULL, 2, 3, NULL, 4]|[1, 9, 2]" }));
    }

    [Test]
    public void Names_follow_sparks_pretty_sql()
    {
        Assert.That(Schema("SELECT array_append(CAST(NULL AS ARRAY<STRING>), 'a'), isnotnull(array(1)), array(1) IS NULL"),
            Is.EqualTo(new[] { "array_append(NULL, a):array<string>", "(array(1) IS NOT NULL):boolean", "(array(1) IS NULL):boolean" }));
        Assert.That(Schema("SELECT array(1D, 2.5D), array(0.0, -0.0)"), Is.EqualTo(new[] { "array(1.0, 2.5):array<double>", "array(0.0, 0.0):array<decimal(1,1)>" }));
        Assert.That(Schema("SELECT array_contains(array(DATE '2016-03-14'), DATE '2016-3-14'), TIMESTAMP '2016-11-15 20:54:00.000'"),
            Is.EqualTo(new[] { "array_contains(array(DATE '2016-03-14'), DATE '2016-03-14'):boolean", "TIMESTAMP '2016-11-15 20:54:00':timestamp" }));
    }
}
