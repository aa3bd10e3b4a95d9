using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Builders for write commands and file reads, and a scratch directory per test (its name has a quote, so paths must stay values).</summary>
public abstract class WriteTestBase : LocalServerTestBase
{
    protected string Scratch { get; private set; } = null!;

    [SetUp]
    public void CreateScratch()
    {
        Scratch = Path.Combine(Path.GetTempPath(), "writes it's " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Scratch);
    }

    [TearDown]
    public void RemoveScratch() => Directory.Delete(Scratch, recursive: true);

    internal static Relation SqlRelation(string query) => new() { Sql = new SQL { Query = query } };

    internal static Plan Command(WriteOperation write) => new() { Command = new Command { WriteOperation = write } };

    internal static Plan Command(WriteOperationV2 write) => new() { Command = new Command { WriteOperationV2 = write } };

    internal static WriteOperation ToPath(string query, string path, string? format = null, WriteOperation.Types.SaveMode mode = WriteOperation.Types.SaveMode.Unspecified,
        IEnumerable<string>? partitionBy = null, Dictionary<string, string>? options = null)
    {
        var write = new WriteOperation { Input = SqlRelation(query), Path = path, Mode = mode };
        if (format is not null)
            write.Source = format;
        write.PartitioningColumns.AddRange(partitionBy ?? []);
        foreach (var (key, value) in options ?? [])
            write.Options[key] = value;
        return write;
    }

    internal static WriteOperation ToTable(Relation input, string table, WriteOperation.Types.SaveMode mode,
        WriteOperation.Types.SaveTable.Types.TableSaveMethod method = WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable) =>
        new() { Input = input, Mode = mode, Table = new WriteOperation.Types.SaveTable { TableName = table, SaveMethod = method } };

    internal static Plan ReadFiles(string format, string path, Dictionary<string, string>? options = null)
    {
        var source = new Read.Types.DataSource { Format = format };
        source.Paths.Add(path);
        foreach (var (key, value) in options ?? [])
            source.Options[key] = value;
        return new Plan { Root = new Relation { Read = new Read { DataSource = source } } };
    }

    /// <summary>Runs a command to completion; it answers with no rows.</summary>
    internal static async Task RunAsync(SparkConnectClient client, Plan command)
    {
        var responses = await CollectAsync(client.ExecutePlanAsync(command));
        Assert.That(Rows(responses), Is.Empty);
        Assert.That(responses.Last().ResponseTypeCase, Is.EqualTo(ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete));
    }

    internal static async Task<SparkException> FailsAsync(SparkConnectClient client, Plan plan) =>
        (await Assert.ThrowsAsync<SparkException>(() => CollectAsync(client.ExecutePlanAsync(plan))))!;

    /// <summary>Rows as "a|b|c" text sorted, nulls as ∅, for order-free comparisons.</summary>
    internal static async Task<List<string>> LinesAsync(SparkConnectClient client, Plan plan) =>
        (await RowsAsync(client, plan)).Select(r => string.Join("|", r.Select(Text))).Order(StringComparer.Ordinal).ToList();

    private static string Text(object? value) => value switch
    {
        null => "∅",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    internal static async Task<List<(string Name, ArrowTypeId Type)>> ColumnsAsync(SparkConnectClient client, Plan plan) =>
        SchemaOf(await CollectAsync(client.ExecutePlanAsync(plan))).Fields.Select(f => (f.Name, f.Type.Id)).ToList();
}
