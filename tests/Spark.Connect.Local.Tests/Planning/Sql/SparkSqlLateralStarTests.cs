namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary><c>t.*</c> inside a LATERAL subquery for a relation joined to its left: that relation's columns, as Spark expands them.</summary>
public sealed class SparkSqlLateralStarTests : SparkSqlTestBase
{
    private const string T1 = "VALUES (0, 1), (1, 2) AS t1(c1, c2)";
    private const string T2 = "VALUES (0, 2), (0, 3) AS t2(c1, c2)";

    [Test]
    public void AnOuterStarWithoutFromIsTheLeftRow()
    {
        Assert.That(Query($"SELECT * FROM {T1}, LATERAL (SELECT t1.*)"), Is.EquivalentTo(new[] { "0|1|0|1", "1|2|1|2" }));
        Assert.That(Schema($"SELECT * FROM {T1}, LATERAL (SELECT t1.*)"), Is.EqualTo(new[] { "c1:int", "c2:int", "c1:int", "c2:int" }));
    }

    [Test]
    public void OuterAndInnerStarsTogether() =>
        Assert.That(Query($"SELECT * FROM {T1}, LATERAL (SELECT t1.*, t2.* FROM {T2})"),
            Is.EquivalentTo(new[] { "0|1|0|1|0|2", "0|1|0|1|0|3", "1|2|1|2|0|2", "1|2|1|2|0|3" }));

    [Test]
    public void TheSubquerysOwnRelationOfThatNameWins() =>
        Assert.That(Query($"SELECT * FROM {T1}, LATERAL (SELECT t1.* FROM VALUES (0, 2), (0, 3) AS t1(c1, c2))"),
            Is.EquivalentTo(new[] { "0|1|0|2", "0|1|0|3", "1|2|0|2", "1|2|0|3" }));

    [Test]
    public void AStarOfARelationTwoLevelsOutIsNotExpanded() =>
        Assert.That(QueryError($"SELECT * FROM {T1}, LATERAL (SELECT * FROM {T2}, LATERAL (SELECT t1.* FROM VALUES (5) AS t3(x)))").ErrorClass,
            Is.EqualTo("CANNOT_RESOLVE_STAR_EXPAND"));

    [Test]
    public void AnOuterStarOutsideALateralSubqueryIsStillAnError() =>
        Assert.That(QueryError($"SELECT * FROM {T1} WHERE EXISTS (SELECT t1.* FROM {T2})").ErrorClass, Is.EqualTo("CANNOT_RESOLVE_STAR_EXPAND"));
}
