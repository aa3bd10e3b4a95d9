namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Spark SQL's PIVOT clause: one column per value (per value and aggregate when there are several, named
/// <c>value_alias</c>), grouped by every input column the pivot column and the aggregates don't read.
/// </summary>
public sealed class SparkSqlPivotTests : SparkSqlTestBase
{
    [Test]
    public void OneAggregateGroupsByTheColumnsItDoesNotRead()
    {
        const string query = "SELECT * FROM (SELECT dept, name, salary FROM people) PIVOT (sum(salary) FOR dept IN (10, 20)) ORDER BY name";

        Assert.That(Query(query), Is.EqualTo(new[] { "Ann|100.0|∅", "Bob|200.0|∅", "Cid|∅|300.0", "Dee|∅|∅" }));
        Assert.That(Schema(query), Is.EqualTo(new[] { "name:string", "10:double", "20:double" }));
    }

    [Test]
    public void SeveralAggregatesAreNamedValueUnderscoreAlias()
    {
        const string query = "SELECT * FROM (SELECT dept, salary, name, id % 2 AS parity FROM people) " +
                             "PIVOT (sum(salary) AS s, max(name) AS m FOR dept IN (10, 20)) ORDER BY parity";

        Assert.That(Query(query), Is.EqualTo(new[] { "0|200.0|Bob|∅|∅", "1|100.0|Ann|300.0|Cid" }));
        Assert.That(Schema(query), Is.EqualTo(new[] { "parity:int", "10_s:double", "10_m:string", "20_s:double", "20_m:string" }));
    }

    [Test]
    public void ThePivotedRowsFeedTheRestOfTheQuery()
    {
        Assert.That(Query("SELECT `20` FROM (SELECT dept, name, salary FROM people) PIVOT (max(salary) FOR dept IN (20, -1)) WHERE `20` IS NOT NULL"),
            Is.EqualTo(new[] { "300.0" }));
    }

    [Test]
    public void ValuesMustBeLiteralsWithoutAliases()
    {
        Assert.That(QueryError("SELECT * FROM people PIVOT (sum(salary) FOR dept IN (10 AS ten))").Message, Does.Contain("aliases of PIVOT values"));
        Assert.That(QueryError("SELECT * FROM people PIVOT (sum(salary) FOR dept IN (id))").Message, Does.Contain("PIVOT values other than literals"));
        Assert.That(QueryError("SELECT * FROM people PIVOT (sum(salary) FOR dept IN (10)").ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }
}
