namespace Spark.Connect.Local.Tests.Server;

/// <summary><c>df.inputFiles()</c> (AnalyzePlan InputFiles): the data files behind a plan's file reads, through views too.</summary>
public sealed class InputFilesTests : WriteTestBase
{
    private static async Task<List<string>> InputFilesAsync(SparkConnectClient client, Plan plan) =>
        [.. (await client.AnalyzePlanAsync(new AnalyzePlanRequest { InputFiles = new() { Plan = plan } })).InputFiles.Files];

    [Test]
    public async Task A_folder_read_lists_its_data_files_and_a_view_over_it_the_same()
    {
        var client = NewClient();
        var folder = Path.Combine(Scratch, "numbers");
        await CollectAsync(client.ExecutePlanAsync(Command(ToPath("SELECT id FROM range(10)", folder, "parquet", partitionBy: []))));
        var expected = Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => "file:" + Path.GetFullPath(f)).Order(StringComparer.Ordinal).ToList();
        var read = ReadFiles("parquet", folder);
        var filtered = new Plan { Root = new Relation { Filter = new Filter { Input = read.Root, Condition = new Expression { ExpressionString = new Expression.Types.ExpressionString { Expression = "id > 3" } } } } };

        Assert.That(expected, Is.Not.Empty);
        Assert.That(await InputFilesAsync(client, filtered), Is.EqualTo(expected));

        await CollectAsync(client.ExecutePlanAsync(new Plan { Command = new Command { CreateDataframeView = new CreateDataFrameViewCommand { Name = "nums", Input = read.Root, Replace = true } } }));
        Assert.That(await InputFilesAsync(client, Table("nums")), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_plan_without_file_reads_has_no_input_files() =>
        Assert.That(await InputFilesAsync(NewClient(), Sql("SELECT 1")), Is.Empty);
}
