using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;
using Statements = Spark.Connect.Local.Tests.Server.SqlStatementTestBase;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// External tables: CREATE TABLE … USING fmt LOCATION '…' (with columns, inferred from the files, or CTAS). Reads see the
/// files there now, INSERT adds part files, INSERT OVERWRITE replaces them, DROP TABLE leaves them.
/// </summary>
public sealed class SqlStatementExternalTableTests : WriteTestBase
{
    [Test]
    public async Task Reads_see_the_files_inserts_add_files_and_drop_leaves_them()
    {
        var client = NewClient();
        var other = NewClient();
        var folder = Path.Combine(Scratch, "events");
        await Statements.RunAsync(client, $"CREATE TABLE events (id INT, name STRING) USING parquet LOCATION {Quoted(folder)}");

        Assert.That(await Statements.RunAsync(client, "SELECT * FROM events"), Is.Empty, "no files yet");
        await Statements.RunAsync(client, "INSERT INTO events VALUES (1, 'one')");
        await RunAsync(client, Command(ToPath("SELECT 2 AS id, 'two' AS name", folder, "parquet", SaveMode.Append)));

        Assert.That(Directory.GetFiles(folder, "*.parquet"), Has.Length.EqualTo(2));
        Assert.That(await Statements.RunAsync(other, "SELECT id, name FROM events ORDER BY id"), Is.EqualTo(new[] { new object?[] { 1, "one" }, new object?[] { 2, "two" } }),
            "another session sees the table and the file another writer added");
        var inputFiles = await client.AnalyzePlanAsync(new AnalyzePlanRequest { InputFiles = new AnalyzePlanRequest.Types.InputFiles { Plan = Table("events") } });
        Assert.That(inputFiles.InputFiles.Files, Is.EqualTo(Directory.GetFiles(folder, "*.parquet").Select(f => "file:" + f).Order(StringComparer.Ordinal)));
        await Statements.RunAsync(client, "INSERT OVERWRITE TABLE events SELECT 3, 'three'");
        Assert.That(await Statements.RunAsync(client, "SELECT * FROM events"), Is.EqualTo(new[] { new object?[] { 3, "three" } }));

        await Statements.RunAsync(client, "DROP TABLE events");
        Assert.That(Directory.GetFiles(folder, "*.parquet"), Has.Length.EqualTo(1), "an external table's files stay");
        Assert.That(await Statements.ErrorClassAsync(client, "SELECT * FROM events"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task The_schema_is_inferred_from_the_files_when_not_given()
    {
        var client = NewClient();
        var folder = Path.Combine(Scratch, "people");
        await RunAsync(client, Command(ToPath("SELECT CAST(7 AS BIGINT) AS id, DATE '2024-01-02' AS day", folder, "parquet")));

        await Statements.RunAsync(client, $"CREATE TABLE people USING parquet LOCATION {Quoted(folder)}");

        Assert.That(await Statements.RunAsync(client, "DESCRIBE people"), Is.EqualTo(new[] { new object?[] { "id", "bigint", null }, new object?[] { "day", "date", null } }));
        Assert.That(await Statements.RunAsync(client, "SELECT id FROM people"), Is.EqualTo(new[] { new object?[] { 7L } }));
        var extended = await Statements.RunAsync(client, "DESCRIBE EXTENDED people");
        Assert.That(extended.Where(r => (string)r[0]! is "Type" or "Location" or "Provider").Select(r => r[1]), Is.EqualTo(new[] { "EXTERNAL", "file:" + folder, "parquet" }));
        Assert.That(await Statements.ErrorClassAsync(client, $"CREATE TABLE nothing USING parquet LOCATION {Quoted(Path.Combine(Scratch, "empty"))}"), Is.EqualTo("UNABLE_TO_INFER_SCHEMA"));
        Assert.That(await Statements.ErrorClassAsync(client, "TRUNCATE TABLE people"), Is.EqualTo("_LEGACY_ERROR_TEMP_1266"));
    }

    [Test]
    public async Task Csv_with_a_header_option_and_json_round_trip_their_rows()
    {
        var client = NewClient();
        var csv = Path.Combine(Scratch, "csv");
        var json = Path.Combine(Scratch, "json");
        await Statements.RunAsync(client, $"CREATE TABLE c (a INT, b STRING) USING csv OPTIONS (header 'true') LOCATION {Quoted(csv)}");
        await Statements.RunAsync(client, $"CREATE TABLE j (a INT, b STRING) USING json LOCATION {Quoted(json)}");

        await Statements.RunAsync(client, "INSERT INTO c (b, a) VALUES ('x', 1)");
        await Statements.RunAsync(client, "INSERT INTO j (a) VALUES (2)");

        Assert.That(File.ReadAllLines(Directory.GetFiles(csv, "*.csv").Single())[0], Is.EqualTo("a,b"));
        Assert.That(await Statements.RunAsync(client, "SELECT a, b FROM c"), Is.EqualTo(new[] { new object?[] { 1, "x" } }));
        Assert.That(await Statements.RunAsync(client, "SELECT a, b FROM j"), Is.EqualTo(new[] { new object?[] { 2, null } }));
        Assert.That(await Statements.ErrorClassAsync(client, $"CREATE TABLE o (a INT) USING orc LOCATION {Quoted(Scratch)}"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Create_table_as_select_with_a_location_writes_the_rows_there()
    {
        var client = NewClient();
        var folder = Path.Combine(Scratch, "ctas");

        await Statements.RunAsync(client, $"CREATE TABLE made USING json LOCATION {Quoted(folder)} AS SELECT 1 AS a, 'x' AS b");

        Assert.That(Directory.GetFiles(folder, "*.json"), Has.Length.EqualTo(1));
        Assert.That(await Statements.RunAsync(client, "SELECT a, b FROM made"), Is.EqualTo(new[] { new object?[] { 1, "x" } }));
        Assert.That(await Statements.RunAsync(client, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "default", "made", false } }));
        Assert.That(await Statements.ErrorClassAsync(client, $"CREATE TABLE again USING json LOCATION {Quoted(folder)} AS SELECT 2 AS a"), Is.EqualTo("_LEGACY_ERROR_TEMP_1241"));
        Assert.That(await Statements.ErrorClassAsync(client, $"CREATE TABLE made (a INT) USING json LOCATION {Quoted(folder)}"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
    }

    /// <summary>A path as a Spark SQL string literal (the scratch folder's name holds a quote).</summary>
    internal static string Quoted(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
