namespace Spark.Connect.Local.Tests.Server;

/// <summary>show() of year-month intervals: Spark's ANSI text by the column's fields, also nested.</summary>
public sealed class ShowIntervalTests : LocalServerTestBase
{
    [Test]
    public async Task Year_month_intervals_are_shown_by_their_fields()
    {
        var text = await ShowAsync("SELECT CAST(-122S AS INTERVAL YEAR TO MONTH) AS ym, INTERVAL '3' YEAR AS y, INTERVAL '14' MONTH AS m, array(INTERVAL '1-2' YEAR TO MONTH) AS a");
        Assert.That(text, Does.Contain("|INTERVAL '-10-2' YEAR TO MONTH|INTERVAL '3' YEAR|INTERVAL '14' MONTH|[INTERVAL '1-2' YEAR TO MONTH]|"));
    }

    private async Task<string> ShowAsync(string sql)
    {
        var plan = new Plan { Root = new Relation { ShowString = new ShowString { Input = Sql(sql).Root, NumRows = 20, Truncate = 0 } } };
        var rows = await RowsAsync(NewClient(), plan);
        return (string)rows.Single().Single()!;
    }
}
