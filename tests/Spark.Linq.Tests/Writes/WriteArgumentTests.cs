using Spark.Linq.Writes;

namespace Spark.Linq.Tests.Writes;

/// <summary>Arguments a write refuses on the client, before anything is sent, each with a message naming what was wrong.</summary>
public class WriteArgumentTests : PlanTestBase
{
    internal static string Shout(string text) => text.ToUpperInvariant() + "!";

    [TestCase("")]
    [TestCase("   ")]
    public void Empty_table_path_and_view_names_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => WriteRequests.ToTable(Orders, name, new SparkWriteOptions<Order>()));
        Assert.Throws<ArgumentException>(() => WriteRequests.InsertInto(Orders, name, overwrite: false));
        Assert.Throws<ArgumentException>(() => WriteRequests.ToFiles(Orders, "parquet", name, new SparkWriteOptions<Order>()));
        Assert.Throws<ArgumentException>(() => WriteRequests.TempView(Orders, name, replace: true));
    }

    [Test]
    public void A_partition_member_that_is_not_mapped_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            WriteRequests.ToFiles(Orders, "parquet", "/p", new SparkWriteOptions<Order> { PartitionBy = { o => o.Display } }))!;
        Assert.That(error.Message, Does.Contain("Display").And.Contain("not a column of the query"));
    }

    [Test]
    public void A_nested_or_computed_partition_member_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            WriteRequests.ToFiles(Orders, "parquet", "/p", new SparkWriteOptions<Order> { PartitionBy = { o => o.ShipTo.City } }));
        var computed = Assert.Throws<ArgumentException>(() =>
            WriteRequests.ToFiles(Orders, "parquet", "/p", new SparkWriteOptions<Order> { PartitionBy = { o => o.Amount * 2 } }))!;
        Assert.That(computed.Message, Does.Contain("x => x.Member"));
    }

    [Test]
    public void A_partition_column_name_the_projection_does_not_return_is_refused()
    {
        var query = Orders.Select(o => new { o.Region, o.Amount });

        var error = Assert.Throws<ArgumentException>(() => WriteRequests.ToTable(query, "t", With(query, "Note")))!;

        Assert.That(error.Message, Does.Contain("'Note'").And.Contain("Region, Amount"));
        Assert.That(WriteRequests.ToTable(query, "t", With(query, "region")).Command.WriteOperation.PartitioningColumns, Is.EqualTo(new[] { "region" }),
            "column names compare case-insensitively, as Spark's");
    }

    [Test]
    public void A_partition_column_name_of_a_table_read_is_left_to_the_server()
    {
        // The plan does not say which columns the table has, so only the server can tell.
        var write = WriteRequests.ToFiles(Orders, "parquet", "/p", With(Orders, "ingest_date")).Command.WriteOperation;
        Assert.That(write.PartitioningColumns, Is.EqualTo(new[] { "ingest_date" }));
    }

    [Test]
    public void A_partition_column_given_twice_is_refused()
    {
        var options = new SparkWriteOptions<Order> { PartitionBy = { o => o.Region }, PartitionByColumns = { "REGION" } };
        var error = Assert.Throws<ArgumentException>(() => WriteRequests.ToFiles(Orders, "parquet", "/p", options))!;
        Assert.That(error.Message, Does.Contain("more than once"));
    }

    [Test]
    public void A_mode_outside_the_enumeration_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WriteRequests.ToTable(Orders, "t", new SparkWriteOptions<Order> { Mode = (SparkWriteMode)42 }));

    [Test]
    public void An_option_without_a_value_is_refused()
    {
        var options = new SparkWriteOptions<Order> { Options = { ["compression"] = null! } };
        var error = Assert.Throws<ArgumentException>(() => WriteRequests.ToFiles(Orders, "parquet", "/p", options))!;
        Assert.That(error.Message, Does.Contain("compression"));
    }

    [Test]
    public void A_query_whose_final_Select_runs_on_the_client_is_refused()
    {
        var query = Orders.Select(o => new { o.Id, Label = Shout(o.Region) });
        var error = Assert.Throws<ArgumentException>(() => WriteRequests.ToTable(query, "t", With(query)))!;
        Assert.That(error.Message, Does.Contain("final Select runs partly on the client"));
    }

    private static SparkWriteOptions<T> With<T>(ISparkQueryable<T> query, params string[] columns)
    {
        var options = new SparkWriteOptions<T>();
        foreach (var column in columns) options.PartitionByColumns.Add(column);
        return options;
    }
}
