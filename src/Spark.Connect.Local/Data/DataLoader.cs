using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Data;

/// <summary>
/// Registers shared data (tables from Arrow data, views over files) in the database's main schema, on
/// a connection of its own, so every session sees it.
/// </summary>
internal sealed class DataLoader(DuckDbDatabase database) : IDisposable
{
    private readonly DuckDbConnection _connection = database.Connect();
    private readonly Lock _lock = new();

    internal void CreateTable(string name, ReadOnlyMemory<byte> arrowStream)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (arrowStream.IsEmpty)
            throw new ArgumentException($"The Arrow data for table '{name}' is empty; pass an Arrow IPC stream (schema and record batches).", nameof(arrowStream));
        lock (_lock)
        {
            // One transaction: a failure half-way leaves the previous table (if any) untouched.
            _connection.ExecuteNonQuery("BEGIN TRANSACTION");
            try
            {
                LocalRelationLoader.Load(_connection, name, arrowStream, temporary: false);
                _connection.ExecuteNonQuery("COMMIT");
            }
            catch (Exception error)
            {
                _connection.ExecuteNonQuery("ROLLBACK");
                // The host's own call: an argument error it can catch, not the engine's internal Spark error.
                if (error is LocalEngineException spark)
                    throw new ArgumentException($"Cannot create table '{name}' [{spark.ErrorClass}]: {spark.Message}", nameof(arrowStream), spark);
                throw;
            }
        }
    }

    internal void RegisterFile(string name, string path, FileFormat? format)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var source = Directory.Exists(fullPath) ? FileSource.ForFolder(fullPath, format)
            : File.Exists(fullPath) ? FileSource.ForFile(fullPath, format)
            : throw new FileNotFoundException($"Cannot register '{name}': neither a file nor a folder '{fullPath}' exists.", fullPath);
        // The view is read on clients' connections, where DuckDB reaches only the data directories when file access is limited.
        if (!Security.FileAccessPolicy.Of(_connection).Allows(fullPath, strictlyInside: false))
            throw new UnauthorizedAccessException(
                $"Cannot register '{name}': '{fullPath}' is outside LocalSparkServerOptions.DataDirectories ({string.Join(", ", _connection.Database.AllowedDirectories!)}), " +
                "and this server limits DuckDB's file access to them (it has a token, listens beyond loopback, or the directories are set). Add its directory to DataDirectories.");
        var sql = $"CREATE OR REPLACE VIEW {SqlIdentifiers.Quote(name)} AS SELECT * FROM {FileFormats.ReaderFunction(source.Format)}({SqlLiterals.QuoteString(source.Pattern)})";
        lock (_lock)
        {
            _connection.ExecuteNonQuery(sql);
            try
            {
                // Reading the schema now turns a corrupt or mis-named file into an error here, not in a later query.
                using var result = _connection.Query($"SELECT * FROM {SqlIdentifiers.Quote(name)} LIMIT 0");
            }
            catch (DuckDbException)
            {
                _connection.ExecuteNonQuery($"DROP VIEW IF EXISTS {SqlIdentifiers.Quote(name)}");
                throw;
            }
        }
    }

    public void Dispose() => _connection.Dispose();
}
