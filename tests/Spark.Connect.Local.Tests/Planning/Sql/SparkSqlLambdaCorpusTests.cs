namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Higher-order functions as Spark's higher-order-functions.sql corpus file runs them: the exists function beside
/// the EXISTS predicate, a plain value where a lambda goes, a struct accumulator merged by position, lambda names
/// (every variable is namedlambdavariable()), and a top-level VALUES with an alias.
/// </summary>
public sealed class SparkSqlLambdaCorpusTests : SparkSqlTestBase
{
    [Test]
    public void Exists_with_an_array_is_the_function_and_with_a_query_the_predicate()
    {
        Assert.That(Query("SELECT exists(array(12, 40), y -> y > 30), exists(CAST(NULL AS ARRAY<INT>), y -> y > 30)"), Is.EqualTo(new[] { "true|∅" }));
        Assert.That(Query("SELECT EXISTS (SELECT 1), EXISTS ((SELECT id FROM people WHERE id < 0))"), Is.EqualTo(new[] { "true|false" }));
    }

    [Test]
    public void A_plain_value_where_a_lambda_goes_is_a_lambda_ignoring_its_variables()
    {
        Assert.That(Query("SELECT transform(array(5, 6), 0), filter(array(5, 6), true)"), Is.EqualTo(new[] { "[0, 0]|[5, 6]" }));
    }

    [Test]
    public void An_aggregate_merge_returning_an_unnamed_struct_fills_the_accumulator_by_position()
    {
        const string query = "SELECT aggregate(array(1, 2), (0 AS sum, 0 AS n), (acc, x) -> (acc.sum + x, acc.n + 1), acc -> acc.sum / acc.n) AS v";
        Assert.That(Query(query), Is.EqualTo(new[] { "1.5" }));
        Assert.That(Query("SELECT reduce(array(3), (0 AS sum, 0 AS n), (acc, x) -> (acc.sum + x, acc.n + 1)).sum"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public void Lambda_variables_are_named_namedlambdavariable()
    {
        Assert.That(Schema("SELECT transform(array(1), x -> x + 1)"),
            Is.EqualTo(new[] { "transform(array(1), lambdafunction((namedlambdavariable() + 1), namedlambdavariable())):array<int>" }));
        Assert.That(Schema("SELECT aggregate(array(1), 0, (acc, x) -> acc + x)"),
            Is.EqualTo(new[] { "aggregate(array(1), 0, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()), " +
                "lambdafunction(namedlambdavariable(), namedlambdavariable())):int" }));
        Assert.That(Schema("SELECT aggregate(array(1), named_struct('s', 0), (acc, x) -> named_struct('s', acc.s + x), acc -> acc.s)")[0],
            Does.Contain("lambdafunction(namedlambdavariable().s, namedlambdavariable())"));
    }

    [Test]
    public void A_top_level_values_takes_a_table_alias_with_column_names()
    {
        Assert.That(Schema("VALUES (1, array(2)), (3, array(4)) AS t(x, ys)"), Is.EqualTo(new[] { "x:int", "ys:array<int>" }));
        Assert.That(Query("SELECT transform(ys, y -> y + x) FROM VALUES (1, array(2)) AS t(x, ys)"), Is.EqualTo(new[] { "[3]" }));
    }

    [Test]
    public void Array_sort_with_a_comparator_sorts_stably_by_it()
    {
        Assert.That(Query("SELECT array_sort(array(3, 1, 2), (l, r) -> r - l)"), Is.EqualTo(new[] { "[3, 2, 1]" }));
        // Equal keys keep their order: by length only, 'bb' stays before 'aa'.
        Assert.That(Query("SELECT array_sort(array('ccc', 'bb', 'a', 'aa'), (l, r) -> length(l) - length(r))"), Is.EqualTo(new[] { "[a, bb, aa, ccc]" }));
        Assert.That(Query("SELECT array_sort(array(2, NULL, 1), (l, r) -> CASE WHEN l IS NULL THEN -1 WHEN r IS NULL THEN 1 ELSE l - r END), " +
            "array_sort(CAST(NULL AS ARRAY<INT>), (l, r) -> 0), array_sort(array(), (l, r) -> 0)"), Is.EqualTo(new[] { "[NULL, 1, 2]|∅|[]" }));
    }

    [Test]
    public void Array_sort_comparator_errors_are_sparks()
    {
        Assert.That(QueryError("SELECT array_sort(array(1, 2), (l, r) -> l > r)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE"));
        var error = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query("SELECT array_sort(array(1, 2), (l, r) -> CAST(NULL AS INT))"))!;
        Assert.That(Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(error.Message)?.ErrorClass, Is.EqualTo("COMPARATOR_RETURNS_NULL"));
    }
}
