namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>The UNPIVOT clause: the other columns as ids, one row per listed column, nulls left out unless INCLUDE NULLS.</summary>
public sealed class SparkSqlUnpivotTests : SparkSqlTestBase
{
    private const string Sales = "(SELECT * FROM VALUES (1, 10, 20), (2, NULL, 40) AS s(id, q1, q2))";

    [Test]
    public void UnpivotTurnsColumnsIntoRows()
    {
        Assert.That(Schema($"SELECT * FROM {Sales} UNPIVOT (amount FOR quarter IN (q1, q2))"),
            Is.EqualTo(new[] { "id:int", "quarter:string", "amount:int" }));
        Assert.That(Query($"SELECT * FROM {Sales} UNPIVOT (amount FOR quarter IN (q1, q2)) ORDER BY id, quarter"),
            Is.EqualTo(new[] { "1|q1|10", "1|q2|20", "2|q2|40" }));
        Assert.That(Query($"SELECT id, quarter, amount FROM {Sales} UNPIVOT INCLUDE NULLS (amount FOR quarter IN (q1 AS first, q2 second)) u ORDER BY id, quarter"),
            Is.EqualTo(new[] { "1|first|10", "1|second|20", "2|first|∅", "2|second|40" }));
    }

    [Test]
    public void SeveralValueColumnsAreRefused()
    {
        Assert.That(QueryError($"SELECT * FROM {Sales} UNPIVOT ((a, b) FOR q IN ((q1, q2) AS x))").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
