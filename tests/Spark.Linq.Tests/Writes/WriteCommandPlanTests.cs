using Spark.Connect.Protocol;
using Spark.Linq.Writes;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;
using TableSaveMethod = Spark.Connect.Protocol.WriteOperation.Types.SaveTable.Types.TableSaveMethod;

namespace Spark.Linq.Tests.Writes;

/// <summary>
/// The commands the write API sends, built offline (no I/O: the session's transport fails any call). Their shape is
/// what PySpark's <c>DataFrameWriter</c> sends for the same call: Spark's own golden corpus has relations only, no
/// commands, so PySpark's writer is the reference.
/// </summary>
public class WriteCommandPlanTests : PlanTestBase
{
    [TestCase(SparkWriteMode.ErrorIfExists, SaveMode.ErrorIfExists)]
    [TestCase(SparkWriteMode.Append, SaveMode.Append)]
    [TestCase(SparkWriteMode.Overwrite, SaveMode.Overwrite)]
    [TestCase(SparkWriteMode.Ignore, SaveMode.Ignore)]
    public void WriteToTable_is_saveAsTable_with_the_mode_stated(SparkWriteMode mode, SaveMode expected)
    {
        var query = Orders.Where(o => o.Amount > 10);

        var write = WriteRequests.ToTable(query, "sales.big_orders", new SparkWriteOptions<Order> { Mode = mode }).Command.WriteOperation;

        Assert.That(write.Mode, Is.EqualTo(expected));
        Assert.That(write.SaveTypeCase, Is.EqualTo(WriteOperation.SaveTypeOneofCase.Table));
        Assert.That((write.Table.TableName, write.Table.SaveMethod), Is.EqualTo(("sales.big_orders", TableSaveMethod.SaveAsTable)));
        Assert.That(write.HasSource, Is.False, "saveAsTable without format() leaves the source to the server's default");
        Assert.That(write.Input, Is.EqualTo(query.ToRelation()));
        Assert.That(write.PartitioningColumns, Is.Empty);
        Assert.That(write.Options, Is.Empty);
    }

    [TestCase(false, SaveMode.Append)]
    [TestCase(true, SaveMode.Overwrite)]
    public void InsertInto_is_insert_into_with_the_flag_as_mode(bool overwrite, SaveMode expected)
    {
        var write = WriteRequests.InsertInto(Orders, "archive", overwrite).Command.WriteOperation;

        Assert.That((write.Table.TableName, write.Table.SaveMethod, write.Mode), Is.EqualTo(("archive", TableSaveMethod.InsertInto, expected)));
        Assert.That(write.Input, Is.EqualTo(Orders.ToRelation()));
    }

    [TestCase("parquet")]
    [TestCase("csv")]
    [TestCase("json")]
    public void File_writes_name_the_format_the_path_and_the_options(string format)
    {
        var options = new SparkWriteOptions<Order> { Mode = SparkWriteMode.Overwrite, Options = { ["compression"] = "zstd", ["header"] = "true" } };

        var write = WriteRequests.ToFiles(Orders, format, "/data/out", options).Command.WriteOperation;

        Assert.That((write.Source, write.Path, write.Mode), Is.EqualTo((format, "/data/out", SaveMode.Overwrite)));
        Assert.That(write.Options, Is.EqualTo(new Dictionary<string, string> { ["compression"] = "zstd", ["header"] = "true" }));
    }

    [Test]
    public void Partition_members_are_named_as_the_query_names_their_columns()
    {
        var options = new SparkWriteOptions<Order> { PartitionBy = { o => o.Region, o => o.CustomerId }, PartitionByColumns = { "Shipped" } };

        var write = WriteRequests.ToFiles(Orders, "parquet", "/data/out", options).Command.WriteOperation;

        // [Column("customer_id")] names the second; a value-typed member arrives boxed, which is still the member.
        Assert.That(write.PartitioningColumns, Is.EqualTo(new[] { "Region", "customer_id", "Shipped" }));
    }

    [Test]
    public void Partition_members_of_a_projection_are_its_output_columns()
    {
        var query = Orders.Select(o => new { Area = o.Region, o.Amount });

        var write = WriteRequests.ToTable(query, "t", PartitionedBy(query, q => q.Area)).Command.WriteOperation;

        Assert.That(write.PartitioningColumns, Is.EqualTo(new[] { "Area" }));
    }

    [Test]
    public async Task Partition_members_follow_the_session_naming_policy()
    {
        await using var snake = SparkSession.Connect(new SparkSessionOptions
        {
            ConnectionString = "sc://localhost",
            NamingPolicy = ColumnNamingPolicy.SnakeCase,
            Client = new Spark.Connect.SparkConnectClientOptions { TransportFactory = _ => new NoNetworkTransport() },
        });

        var write = WriteRequests.ToFiles(snake.Table<Order>(), "parquet", "/p", new SparkWriteOptions<Order> { PartitionBy = { o => o.PlacedAt } }).Command.WriteOperation;

        Assert.That(write.PartitioningColumns, Is.EqualTo(new[] { "placed_at" }));
    }

    [Test]
    public void CreateTempView_and_CreateOrReplaceTempView_differ_only_in_replace()
    {
        var query = Orders.Where(o => o.Shipped);

        var create = WriteRequests.TempView(query, "shipped", replace: false).Command.CreateDataframeView;
        var replace = WriteRequests.TempView(query, "shipped", replace: true).Command.CreateDataframeView;

        Assert.That((create.Name, create.IsGlobal, create.Replace), Is.EqualTo(("shipped", false, false)));
        Assert.That((replace.Name, replace.IsGlobal, replace.Replace), Is.EqualTo(("shipped", false, true)));
        Assert.That(create.Input, Is.EqualTo(query.ToRelation()));
    }

    [Test]
    public void Local_rows_travel_as_the_command_input()
    {
        var rows = Spark.CreateDataFrame(new[] { new Customer(1, "Ann", null) });

        var write = WriteRequests.ToTable(rows, "customers", new SparkWriteOptions<Customer>()).Command.WriteOperation;

        Assert.That(write.Input.RelTypeCase, Is.EqualTo(Relation.RelTypeOneofCase.LocalRelation));
    }

    private static SparkWriteOptions<T> PartitionedBy<T>(ISparkQueryable<T> query, System.Linq.Expressions.Expression<Func<T, object?>> member) =>
        new() { PartitionBy = { member } };
}
