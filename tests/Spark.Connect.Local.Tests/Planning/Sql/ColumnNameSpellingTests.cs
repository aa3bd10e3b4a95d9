namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// A column selected by a name that matches it only case-insensitively is named as the query spells it, as Spark's
/// analyzer renames the attribute it resolves (<c>a.withName(name)</c>): through Spark SQL and through a DataFrame's
/// <c>select("NAME")</c> or <c>df["NAME"]</c> alike. A star keeps the table's spelling.
/// </summary>
public sealed class ColumnNameSpellingTests : SparkSqlTestBase
{
    [Test]
    public void SparkSqlNamesAColumnAsTheQuerySpellsIt()
    {
        Assert.That(Schema("SELECT NAME, people.DEPT, Id FROM people"), Is.EqualTo(new[] { "NAME:string", "DEPT:int", "Id:int" }));
        Assert.That(Schema("SELECT * FROM people"), Is.EqualTo(new[] { "id:int", "name:string", "dept:int", "salary:double" }));
        // The name a subquery gave is what an outer query matches; its own spelling then applies again.
        Assert.That(Schema("SELECT Name FROM (SELECT NAME FROM people)"), Is.EqualTo(new[] { "Name:string" }));
        Assert.That(Query("SELECT NAME FROM people WHERE ID = 2"), Is.EqualTo(new[] { "Bob" }));
    }

    [Test]
    public void ADataFrameSelectNamesAColumnAsItIsSpelled()
    {
        var people = Table("people");
        Assert.That(Columns(Project(people, Col("NAME"), Col("people.Dept"))), Is.EqualTo(new[] { "NAME", "Dept" }));
        // df["SALARY"]: a reference by plan id is renamed the same way.
        Assert.That(Columns(Project(people, Col(people, "SALARY"))), Is.EqualTo(new[] { "SALARY" }));
        Assert.That(Columns(Project(people, Col("name"))), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public void GroupingColumnsAreNamedAsSpelledToo()
    {
        Assert.That(Schema("SELECT DEPT, count(*) FROM people GROUP BY dept"), Is.EqualTo(new[] { "DEPT:int", "count(1):bigint" }));
        // groupBy("DEPT").agg(…): the grouping column resolves through the same rule.
        Assert.That(Columns(Aggregate(Table("people"), [Col("DEPT")], Fn("count", Col("id")))), Is.EqualTo(new[] { "DEPT", "count(id)" }));
    }
}
