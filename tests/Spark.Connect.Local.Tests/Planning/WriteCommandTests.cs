using Spark.Connect;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Service.Commands;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Write commands run directly on a planning session (no server): the written data read back through the planner.</summary>
public sealed class WriteCommandTests : PlannerTestBase
{
    private string _directory = null!;

    [SetUp]
    public void MakeDirectory()
    {
        Functions = null;
        _directory = Path.Combine(Path.GetTempPath(), "write cmd it's " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private void Run(WriteOperation write) => WriteCommands.Run(Session, new Command { WriteOperation = write });

    private Relation ReadBack(string format, string path)
    {
        var source = new Read.Types.DataSource { Format = format };
        source.Paths.Add(path);
        return New(r => r.Read = new Read { DataSource = source });
    }

    [Test]
    public void A_planned_relation_is_written_partitioned_and_read_back_with_its_partition_column()
    {
        var target = Path.Combine(_directory, "people");
        var write = new WriteOperation { Input = Table("people"), Path = target, Source = "parquet" };
        write.PartitioningColumns.Add("dept");
        Run(write);

        Assert.That(Columns(ReadBack("parquet", target)), Is.EqualTo(new[] { "id", "name", "salary", "dept" }));
        Assert.That(Lines(SortBy(ReadBack("parquet", "file:" + target), "id")), Is.EqualTo(new[]
        {
            "1|Ann|100.0|10", "2|Bob|200.0|10", "3|Cid|300.0|20", "4|Dee|400.0|∅",
        }));
    }

    [Test]
    public void A_parquet_codec_outside_the_table_is_refused_before_anything_is_written()
    {
        var target = Path.Combine(_directory, "x");
        var write = new WriteOperation { Input = Table("people"), Path = target, Options = { ["compression"] = "brotli'); --" } };
        Assert.That(Assert.Throws<LocalEngineException>(() => Run(write))!.ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
        Assert.That(Directory.Exists(target), Is.False);
    }

    [Test]
    public void A_view_is_not_a_table_to_write()
    {
        Exec("CREATE VIEW rich AS SELECT * FROM people WHERE salary > 150");
        foreach (var method in new[] { WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable, WriteOperation.Types.SaveTable.Types.TableSaveMethod.InsertInto })
        {
            var write = new WriteOperation
            {
                Input = Table("people"), Mode = SaveMode.Append,
                Table = new WriteOperation.Types.SaveTable { TableName = "rich", SaveMethod = method },
            };
            var error = Assert.Throws<LocalEngineException>(() => Run(write))!;
            Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809")), method.ToString());
        }
    }

    [Test]
    public void A_session_temporary_table_does_not_shadow_the_shared_table_written()
    {
        Exec("CREATE TEMP TABLE shadow (x INTEGER)");
        Run(new WriteOperation
        {
            Input = Table("depts"), Mode = SaveMode.ErrorIfExists,
            Table = new WriteOperation.Types.SaveTable { TableName = "shadow", SaveMethod = WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable },
        });
        // Fully qualified: DuckDB resolves main.shadow to the temporary table first (temp also has a main schema).
        Assert.That(Lines(SortBy(Table("memory.main.shadow"), "dept")), Is.EqualTo(new[] { "10|Eng", "20|Ops", "30|Law" }));
    }
}
