using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>An open DuckDB database (in memory or a file). Dispose closes it once every connection is gone.</summary>
internal sealed class DuckDbDatabase : IDisposable
{
    public const string InMemory = ":memory:";

    private DuckDbDatabase(DatabaseHandle handle) => Handle = handle;

    internal DatabaseHandle Handle { get; }

    /// <summary>Opens (or creates) the database at <paramref name="path"/>; <c>":memory:"</c> for an in-memory one.</summary>
    public static DuckDbDatabase Open(string path = InMemory)
    {
        ArgumentNullException.ThrowIfNull(path);
        DuckDbLibrary.EnsureLoaded();
        var handle = new DatabaseHandle();
        var state = NativeMethods.duckdb_open_ext(path, out var database, config: 0, out var error);
        if (database != 0)
            handle.Adopt(database, parent: null);
        if (state == DuckDbState.Success)
            return WithEngineFunctions(new DuckDbDatabase(handle));

        handle.Dispose();
        string? text = null;
        if (error != 0)
        {
            text = Marshal.PtrToStringUTF8(error);
            NativeMethods.duckdb_free(error);
        }
        throw new DuckDbException($"Could not open DuckDB database '{path}': {text ?? "unknown error"}");
    }

    /// <summary>
    /// Registers the functions the engine's SQL calls besides DuckDB's own (Spark's case mappings, hashes, digests and base64), so every
    /// database the engine or a test opens can run what the planner renders.
    /// </summary>
    private static DuckDbDatabase WithEngineFunctions(DuckDbDatabase database)
    {
        try
        {
            using var connection = database.Connect();
            CaseMapping.SparkCaseFunctions.Register(connection);
            Hashing.SparkHashFunctions.Register(connection);
            Hashing.SparkBinaryFunctions.Register(connection);
            Strings.SparkStringFunctions.Register(connection);
            Strings.SparkUrlFunctions.Register(connection);
            Strings.SparkDateTimeFunctions.Register(connection);
            Strings.SparkIntervalCastFunctions.Register(connection);
            Strings.SparkFormatFunctions.Register(connection);
            Strings.SparkTextFunctions.Register(connection);
            Statistics.SparkHistogramFunction.Register(connection);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The DuckDB library version, e.g. "v1.5.x".</summary>
    public static string LibraryVersion
    {
        get
        {
            DuckDbLibrary.EnsureLoaded();
            return Marshal.PtrToStringUTF8(NativeMethods.duckdb_library_version()) ?? "";
        }
    }

    /// <summary>
    /// The only directories DuckDB may read or write files in, once <see cref="RestrictFileAccess"/> ran; null while
    /// DuckDB may reach every file the process can.
    /// </summary>
    public IReadOnlyList<string>? AllowedDirectories { get; private set; }

    /// <summary>
    /// Turns DuckDB's external access off (<c>enable_external_access = false</c>) except below
    /// <paramref name="directories"/> (<c>allowed_directories</c>, set first: DuckDB refuses to change it afterwards).
    /// This can't be undone for the life of the database, and extensions can no longer be installed or loaded.
    /// Call it before any untrusted statement runs.
    /// </summary>
    public void RestrictFileAccess(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        using var connection = Connect();
        var list = string.Join(", ", directories.Select(Planning.SqlLiterals.QuoteString));
        connection.ExecuteNonQuery($"SET allowed_directories = [{list}]");
        connection.ExecuteNonQuery("SET enable_external_access = false");
        AllowedDirectories = directories.ToArray();
    }

    /// <summary>Opens a new connection to this database.</summary>
    public DuckDbConnection Connect() => DuckDbConnection.Open(this);

    public void Dispose() => Handle.Dispose();
}
