using Spark.Connect.Local.Tests.Server;
using Statements = Spark.Connect.Local.Tests.Server.SqlStatementTestBase;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// An external table's location is held to the server's data directories as the DataFrame reader and writer are: a
/// table over files outside is refused when it is created, one inside reads and writes there.
/// </summary>
public sealed class ExternalTableDataDirectoryTests : WriteTestBase
{
    private string _data = null!;

    protected override LocalSparkServerOptions CreateOptions()
    {
        _data = Path.Combine(Path.GetTempPath(), "external data " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
        return new LocalSparkServerOptions { DataDirectories = [_data] };
    }

    [TearDown]
    public void RemoveData() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task A_location_outside_the_data_directories_is_refused()
    {
        var client = NewClient();
        var outside = Path.Combine(Scratch, "t");
        var inside = Path.Combine(_data, "t");

        foreach (var path in new[] { outside, Path.Combine(_data, "..", Path.GetFileName(Scratch), "t"), "file://" + outside })
        {
            var error = await Statements.FailureAsync(client, $"CREATE TABLE escaped (a INT) USING parquet LOCATION {SqlStatementExternalTableTests.Quoted(path)}");
            Assert.That(error.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), path);
            Assert.That(error.Message, Does.Contain("DataDirectories"), path);
        }
        Assert.That(await Statements.RunAsync(client, "SHOW TABLES"), Is.Empty);
        Assert.That(Directory.Exists(outside), Is.False);

        await Statements.RunAsync(client, $"CREATE TABLE kept (a INT) USING parquet LOCATION {SqlStatementExternalTableTests.Quoted(inside)}");
        await Statements.RunAsync(client, "INSERT INTO kept VALUES (5)");
        Assert.That(await Statements.RunAsync(client, "SELECT a FROM kept"), Is.EqualTo(new[] { new object?[] { 5 } }));
    }
}
