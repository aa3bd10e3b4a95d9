namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Spark SQL expressions: literals and their types, operators and precedence, predicates, CASE, CAST, access.</summary>
public sealed class SparkSqlExpressionTests : SparkSqlTestBase
{
    [Test]
    public void NumericLiteralsGetSparksTypes() =>
        Assert.That(Schema("SELECT 1 AS a, 3000000000 AS b, 1.5 AS c, 0.001 AS d, 1e2 AS e, 2L AS f, 3S AS g, 4Y AS h, 5D AS i, 1.25BD AS j, 99999999999999999999 AS k, 2F AS l"),
            Is.EqualTo(new[] { "a:int", "b:bigint", "c:decimal(2,1)", "d:decimal(3,3)", "e:double", "f:bigint", "g:smallint", "h:tinyint",
                "i:double", "j:decimal(3,2)", "k:decimal(20,0)", "l:float" }));

    [Test]
    public void NumericLiteralValues() =>
        Assert.That(Query("SELECT -1, 1.5 + 1, 1e2, 7 DIV 2, 7 % 4, -2147483648"), Is.EqualTo(new[] { "-1|2.5|100.0|3|3|-2147483648" }));

    [Test]
    public void SuffixOutOfRangeIsSparksError() =>
        Assert.That(QueryError("SELECT 128Y").ErrorClass, Is.EqualTo("INVALID_NUMERIC_LITERAL_RANGE"));

    [Test]
    public void StringLiteralsUseSparksQuotesAndEscapes()
    {
        Assert.That(Query("SELECT 'it\\'s', \"dq\", 'a' 'b', 'tab\\there', r'raw\\n'"), Is.EqualTo(new[] { "it's|dq|ab|tab\there|raw\\n" }));
        Assert.That(Query("SELECT length('\\u00e9'), X'4142'"), Is.EqualTo(new[] { "1|AB" }));
    }

    [Test]
    public void TypedDateTimeAndIntervalLiterals()
    {
        Assert.That(Query("SELECT DATE '2024-02-29', TIMESTAMP_NTZ '2024-01-02 03:04:05'"), Is.EqualTo(new[] { "2024-02-29|2024-01-02 03:04:05" }));
        Assert.That(Schema("SELECT DATE '2024-02-29'"), Is.EqualTo(new[] { "DATE '2024-02-29':date" }));
        Assert.That(Query("SELECT DATE '2024-01-01' + INTERVAL 2 DAYS"), Has.Count.EqualTo(1));
        Assert.That(Schema("SELECT INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL 1 DAY 2 HOURS AS dt")[0], Does.StartWith("ym:interval year"));
    }

    [Test]
    public void OperatorPrecedenceFollowsSpark()
    {
        Assert.That(Query("SELECT 1 + 2 * 3, (1 + 2) * 3, 2 - 1 - 1, 1 + 2 = 3, NOT 1 = 2 AND true, true OR false AND false"),
            Is.EqualTo(new[] { "7|9|0|true|true|true" }));
        Assert.That(Query("SELECT 5 & 3 | 8, 'a' || 'b' || 'c', 2 * -3, - 2 + 5"), Is.EqualTo(new[] { "9|abc|-6|3" }));
    }

    [Test]
    public void ComparisonsAndNullSafeEquality()
    {
        Assert.That(Query("SELECT 1 <> 2, 1 != 1, NULL <=> NULL, 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL"),
            Is.EqualTo(new[] { "true|false|true|true|true" }));
        Assert.That(Schema("SELECT id != 1 FROM people"), Is.EqualTo(new[] { "(NOT (id = 1)):boolean" }));
    }

    [Test]
    public void PredicatesInBetweenLikeIs()
    {
        Assert.That(Query("SELECT name FROM people WHERE id IN (1, 3) ORDER BY id"), Is.EqualTo(new[] { "Ann", "Cid" }));
        Assert.That(Query("SELECT name FROM people WHERE id NOT BETWEEN 2 AND 3 ORDER BY id"), Is.EqualTo(new[] { "Ann", "Dee" }));
        Assert.That(Query("SELECT name FROM people WHERE name LIKE 'A%' OR name ILIKE 'b%' ORDER BY id"), Is.EqualTo(new[] { "Ann", "Bob" }));
        Assert.That(Query("SELECT name FROM people WHERE name RLIKE '^[CD]' AND dept IS NOT NULL"), Is.EqualTo(new[] { "Cid" }));
        Assert.That(Query("SELECT name FROM people WHERE dept IS NULL"), Is.EqualTo(new[] { "Dee" }));
        Assert.That(Query("SELECT (id > 2) IS TRUE, (dept > 10) IS NOT FALSE FROM people ORDER BY id"),
            Is.EqualTo(new[] { "false|false", "false|false", "true|true", "true|true" }));
    }

    [Test]
    public void CaseWhenInBothForms()
    {
        Assert.That(Query("SELECT CASE WHEN salary > 250 THEN 'high' WHEN salary > 150 THEN 'mid' ELSE 'low' END FROM people ORDER BY id"),
            Is.EqualTo(new[] { "low", "mid", "high", "high" }));
        Assert.That(Query("SELECT CASE dept WHEN 10 THEN 'ten' WHEN 20 THEN 'twenty' END FROM people ORDER BY id"),
            Is.EqualTo(new[] { "ten", "ten", "twenty", "∅" }));
        Assert.That(Schema("SELECT CASE WHEN id = 1 THEN 1 ELSE 0 END FROM people"), Is.EqualTo(new[] { "CASE WHEN (id = 1) THEN 1 ELSE 0 END:int" }));
        // The simple form is Spark's searched form over equalities, and named so.
        Assert.That(Schema("SELECT CASE dept WHEN id THEN 1 ELSE 0 END FROM people"), Is.EqualTo(new[] { "CASE WHEN (dept = id) THEN 1 ELSE 0 END:int" }));
    }

    [Test]
    public void EqualNullIsNamedAsTheNullSafeEqualityItIs()
    {
        Assert.That(Schema("SELECT equal_null(dept, id) FROM people"), Is.EqualTo(new[] { "(dept <=> id):boolean" }));
        Assert.That(Query("SELECT equal_null(dept, NULL) FROM people ORDER BY id"), Is.EqualTo(new[] { "false", "false", "false", "true" }));
    }

    [Test]
    public void CastsTryCastsAndDoubleColon()
    {
        Assert.That(Query("SELECT CAST('12' AS INT) + 1, TRY_CAST('x' AS INT), '3'::bigint, CAST(1.25 AS DECIMAL(5, 1))"), Is.EqualTo(new[] { "13|∅|3|1.3" }));
        // Spark's Cast.sql leaves out a cast to a complex type: the column is named after the operand.
        Assert.That(Schema("SELECT CAST(id AS STRING), CAST(array(1) AS ARRAY<BIGINT>) FROM people")[1], Is.EqualTo("array(1):array<bigint>"));
        Assert.That(QueryError("SELECT CAST(1 AS NOSUCHTYPE)").ErrorClass, Is.EqualTo("UNSUPPORTED_DATATYPE"));
    }

    [Test]
    public void StructArrayAndMapAccess()
    {
        Assert.That(Query("SELECT s.a, s.b, arr[1], t.s.a FROM (SELECT named_struct('a', 1, 'b', 'x') AS s, array(10, 20) AS arr) t"),
            Is.EqualTo(new[] { "1|x|20|1" }));
        Assert.That(Query("SELECT struct(id, name AS n).n, (id, 'x').col2 FROM people WHERE id = 1"), Is.EqualTo(new[] { "Ann|x" }));
    }

    [Test]
    public void FunctionCallsCountStarDistinctAndLambdas()
    {
        Assert.That(Query("SELECT count(*), count(DISTINCT dept), sum(salary) FROM people"), Is.EqualTo(new[] { "4|2|1000.0" }));
        Assert.That(Query("SELECT transform(array(1, 2), x -> x * 10), filter(array(1, 2, 3), (x, i) -> i > 0)"), Is.EqualTo(new[] { "[10, 20]|[2, 3]" }));
        Assert.That(Query("SELECT upper(name), substring(name FROM 2 FOR 1), position('n' IN name), trim(BOTH 'A' FROM name) FROM people WHERE id = 1"),
            Is.EqualTo(new[] { "ANN|n|2|nn" }));
    }

    [Test]
    public void ParameterMarkersBecomeTheArguments()
    {
        var rows = Lines(Sql("SELECT name FROM people WHERE id = :id OR name = :name ORDER BY id",
            new() { ["id"] = new() { Integer = 1 }, ["name"] = new() { String = "x' OR '1'='1" } }));
        Assert.That(rows, Is.EqualTo(new[] { "Ann" }));
        Assert.That(Lines(Sql("SELECT ? + ?", positional: [new() { Integer = 1 }, new() { Integer = 2 }])), Is.EqualTo(new[] { "3" }));
        Assert.That(QueryError("SELECT :nothing").ErrorClass, Is.EqualTo("UNBOUND_SQL_PARAMETER"));
    }
}
