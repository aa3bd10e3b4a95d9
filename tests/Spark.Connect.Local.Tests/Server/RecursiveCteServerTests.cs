namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// <c>WITH RECURSIVE</c> through <c>spark.sql</c> on a server session: the limits come from the session's SET, a
/// temporary view keeps a recursive query, and the run's tables stay the session's own.
/// </summary>
public sealed class RecursiveCteServerTests : SqlStatementTestBase
{
    private const string Counting = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 8) ";

    [Test]
    public async Task The_level_limit_is_the_sessions_setting()
    {
        var client = NewClient();
        Assert.That(await RunAsync(client, Counting + "SELECT max(n) FROM r"), Is.EqualTo(new[] { new object?[] { 8 } }));
        await RunAsync(client, "SET spark.sql.cteRecursionLevelLimit=5");
        Assert.That(await ErrorClassAsync(client, Counting + "SELECT max(n) FROM r"), Is.EqualTo("RECURSION_LEVEL_LIMIT_EXCEEDED"));
        // Another session keeps the default.
        Assert.That(await RunAsync(NewClient(), Counting + "SELECT max(n) FROM r"), Is.EqualTo(new[] { new object?[] { 8 } }));
        await RunAsync(client, "RESET spark.sql.cteRecursionLevelLimit");
        Assert.That(await RunAsync(client, Counting + "SELECT count(*) FROM r"), Is.EqualTo(new[] { new object?[] { 8L } }));
    }

    [Test]
    public async Task The_row_limit_is_the_sessions_setting()
    {
        var client = NewClient();
        await RunAsync(client, "SET spark.sql.cteRecursionRowLimit=5");
        Assert.That(await ErrorClassAsync(client, Counting + "SELECT * FROM r"), Is.EqualTo("RECURSION_ROW_LIMIT_EXCEEDED"));
        Assert.That(await RunAsync(client, Counting + "SELECT * FROM r LIMIT 3"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_temporary_view_runs_its_recursive_query_when_read()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE steps (n INT)");
        await RunAsync(client, "INSERT INTO steps VALUES (1)");
        await RunAsync(client, "CREATE TEMP VIEW walk AS WITH RECURSIVE r(n) AS (SELECT n FROM steps UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r");
        Assert.That((await RunAsync(client, "SELECT * FROM walk ORDER BY n")).Select(r => r[0]), Is.EqualTo(new object?[] { 1, 2, 3 }));
        // The view is a lazy plan: a new anchor row is seen on the next read.
        await RunAsync(client, "INSERT INTO steps VALUES (2)");
        Assert.That((await RunAsync(client, "SELECT * FROM walk ORDER BY n")).Select(r => r[0]), Is.EqualTo(new object?[] { 1, 2, 2, 3, 3 }));
    }
}
