using Spark.Connect.Local.Tests.Planning.Sql;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary><c>last_day</c> and <c>make_dt_interval</c>, with the examples of Spark's <c>ExpressionDescription</c>s.</summary>
public sealed class LastDayAndIntervalTests : SparkSqlTestBase
{
    [Test]
    public void Last_day_is_the_month_s_last_date()
    {
        Assert.That(Query("SELECT last_day('2009-01-12'), last_day(DATE '2024-02-03'), last_day(NULL)"), Is.EqualTo(new[] { "2009-01-31|2024-02-29|∅" }));
        Assert.That(Schema("SELECT last_day('2009-01-12') AS d"), Is.EqualTo(new[] { "d:date" }));
    }

    [Test]
    public void Make_dt_interval_builds_a_day_to_second_interval_from_its_parts()
    {
        Assert.That(Query("SELECT CAST(make_dt_interval(1, 12, 30, 01.001001) AS STRING), CAST(make_dt_interval(2) AS STRING), make_dt_interval(1, NULL)"),
            Is.EqualTo(new[] { "INTERVAL '1 12:30:01.001001' DAY TO SECOND|INTERVAL '2 00:00:00' DAY TO SECOND|∅" }));
        Assert.That(Schema("SELECT make_dt_interval(1, 2) AS i"), Is.EqualTo(new[] { "i:interval day to second" }));
    }
}
