namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Aggregates of the enclosing query inside a subquery (<c>HAVING EXISTS (… min(outer.x))</c>): computed per group of the
/// enclosing aggregate, as Spark's analyzer pulls them up; anywhere else they stay Spark's WHERE error.
/// </summary>
public sealed class SparkSqlOuterAggregateTests : SparkSqlTestBase
{
    private const string Emp = "VALUES (10, 100), (10, 300), (20, 50), (30, 500) AS emp(dept, salary)";
    private const string Bonus = "VALUES (60), (200) AS bonus(amt)";

    [Test]
    public void HavingExistsComparesWithTheGroupsAggregate() =>
        // min(salary) per dept: 10 → 100, 20 → 50, 30 → 500; a bonus below it exists for 10 (60) and 30 (60, 200).
        Assert.That(Query($"SELECT dept, count(*) FROM {Emp} GROUP BY dept HAVING EXISTS (SELECT 1 FROM {Bonus} WHERE amt < min(emp.salary)) ORDER BY dept"),
            Is.EqualTo(new[] { "10|2", "30|1" }));

    [Test]
    public void OuterAggregateAlsoReadInTheSelectListIsComputedOnce() =>
        Assert.That(Query($"SELECT dept, max(emp.salary) FROM {Emp} GROUP BY dept HAVING NOT EXISTS (SELECT 1 FROM {Bonus} WHERE amt > max(emp.salary)) ORDER BY dept"),
            Is.EqualTo(new[] { "10|300", "30|500" }));

    [Test]
    public void OuterAggregateInANestedSubqueryBelongsToItsOwnEnclosingAggregate() =>
        // The middle query groups e (correlated to d) by dept; the innermost compares with that group's min(salary):
        // dept 10 → 100 (bonus 200 above), 20 → 50 (60 above), 30 → 500 (none above).
        Assert.That(Query($"SELECT d.k FROM VALUES (1), (2), (3) AS d(k) WHERE EXISTS (SELECT dept FROM {Emp.Replace("AS emp", "AS e", StringComparison.Ordinal)} " +
                          $"WHERE e.dept = d.k * 10 GROUP BY dept HAVING EXISTS (SELECT 1 FROM {Bonus} WHERE amt > min(e.salary))) ORDER BY d.k"),
            Is.EqualTo(new[] { "1", "2" }));

    [Test]
    public void OuterAggregateWithoutAnEnclosingAggregateIsAWhereError() =>
        Assert.That(QueryError($"SELECT * FROM {Emp} WHERE EXISTS (SELECT 1 FROM {Bonus} WHERE amt < min(emp.salary))").ErrorClass,
            Is.EqualTo("INVALID_WHERE_CONDITION"));

    [Test]
    public void AggregateOfTheSubquerysOwnColumnsStaysAWhereError() =>
        Assert.That(QueryError($"SELECT dept FROM {Emp} GROUP BY dept HAVING EXISTS (SELECT 1 FROM {Bonus} WHERE bonus.amt < min(bonus.amt))").ErrorClass,
            Is.EqualTo("INVALID_WHERE_CONDITION"));

    [Test]
    public void InSubqueryInHavingComparesAnAggregate() =>
        Assert.That(Query($"SELECT dept FROM {Emp} GROUP BY dept HAVING max(salary) IN (SELECT col1 FROM VALUES (300), (50)) ORDER BY dept"),
            Is.EqualTo(new[] { "10", "20" }));

    [Test]
    public void HavingSubqueryReadsAGroupingColumnOfTheEnclosingQuery() =>
        // k = 1: min x above 5 is 15, not below max(v) = 10; k = 2: min x above 10 is 15, below 20.
        Assert.That(Query("SELECT k FROM VALUES (1, 10), (2, 20) AS t(k, v) GROUP BY k " +
                          "HAVING max(v) > (SELECT min(x) FROM VALUES (5), (15) AS s(x) WHERE x > t.k * 5)"),
            Is.EqualTo(new[] { "2" }));

    [Test]
    public void SelectListSubqueryReadsAGroupingColumnByItsBareName() =>
        Assert.That(Query("SELECT k, (SELECT count(*) FROM VALUES (1), (2), (2) AS s(x) WHERE x = k) FROM VALUES (1, 10), (2, 20), (2, 30) AS t(k, v) GROUP BY k ORDER BY k"),
            Is.EqualTo(new[] { "1|1", "2|2" }));
}
