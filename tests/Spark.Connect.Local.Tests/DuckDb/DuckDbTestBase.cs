using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

/// <summary>Each test gets its own in-memory database and connection.</summary>
public abstract class DuckDbTestBase
{
    private DuckDbDatabase? _database;
    private DuckDbConnection? _connection;

    internal DuckDbDatabase Database => _database!;
    internal DuckDbConnection Connection => _connection!;

    [SetUp]
    public void OpenDatabase()
    {
        _database = DuckDbDatabase.Open();
        _connection = _database.Connect();
    }

    [TearDown]
    public void CloseDatabase()
    {
        _connection?.Dispose();
        _database?.Dispose();
    }

    /// <summary>Runs a query and returns every chunk's vectors' values through <paramref name="read"/>, row by row.</summary>
    internal static List<T> ReadAll<T>(DuckDbResult result, Func<DuckDbDataChunk, int, T> read)
    {
        var rows = new List<T>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                    rows.Add(read(chunk, row));
            }
        }
        return rows;
    }
}
