using System.Runtime.InteropServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

public class DuckDbLifecycleTests : DuckDbTestBase
{
    [Test]
    public void An_in_memory_database_opens_answers_a_query_and_closes()
    {
        using var database = DuckDbDatabase.Open(":memory:");
        using var connection = database.Connect();
        using var result = connection.Query("SELECT 40 + 2 AS answer");
        Assert.That(result.ColumnNames, Is.EqualTo(new[] { "answer" }));
        Assert.That(result.ColumnTypes[0].Id, Is.EqualTo(DuckDbTypeId.Integer));
        var values = ReadAll(result, (chunk, row) => chunk.GetVector(0).GetData<int>()[row]);
        Assert.That(values, Is.EqualTo(new[] { 42 }));
        Assert.That(DuckDbDatabase.LibraryVersion, Does.StartWith("v1.5"));
    }

    [Test]
    public void Disposing_the_database_before_its_connection_keeps_the_connection_usable_until_disposed()
    {
        var database = DuckDbDatabase.Open();
        var connection = database.Connect();
        database.Dispose();
        Assert.That(connection.ExecuteNonQuery("CREATE TABLE t(i INTEGER)"), Is.EqualTo(0));
        connection.Dispose();
        Assert.Throws<ObjectDisposedException>(() => connection.ExecuteNonQuery("SELECT 1"));
    }

    [Test]
    public void A_bad_statement_raises_DuckDbException_with_DuckDBs_message()
    {
        var prepare = Assert.Throws<DuckDbException>(() => Connection.Prepare("SELEC 1"))!;
        Assert.That(prepare.Message, Does.Contain("syntax error").IgnoreCase);
        var missing = Assert.Throws<DuckDbException>(() => Connection.ExecuteNonQuery("INSERT INTO no_such_table VALUES (1)"))!;
        Assert.That(missing.Message, Does.Contain("no_such_table"));
    }

    [Test]
    public void A_runtime_error_while_streaming_rows_raises_DuckDbException()
    {
        // The failing row is far past what a streaming result buffers up front, so the error surfaces
        // from duckdb_fetch_chunk after good chunks have been read.
        using var result = Connection.Query(
            "SELECT CASE WHEN i < 9000000 THEN i ELSE error('boom at ' || i) END FROM range(10000000) t(i)");
        var rowsBeforeError = 0;
        var error = Assert.Throws<DuckDbException>(() =>
        {
            while (result.FetchChunk() is { } chunk)
                using (chunk)
                    rowsBeforeError += chunk.RowCount;
        })!;
        Assert.That(error.Message, Does.Contain("boom at 9000000"));
        Assert.That(rowsBeforeError, Is.GreaterThan(0));
        Assert.That(result.FetchChunk(), Is.Null);
    }

    [Test]
    public void Binding_a_parameter_that_does_not_exist_names_the_index()
    {
        using var statement = Connection.Prepare("SELECT ?::INTEGER");
        Assert.That(statement.ParameterCount, Is.EqualTo(1));
        var error = Assert.Throws<DuckDbException>(() => statement.Bind(2, 5))!;
        Assert.That(error.Message, Does.Contain("parameter 2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(0, 5));
    }

    [Test]
    public void A_chunk_read_after_disposal_throws_instead_of_reading_freed_memory()
    {
        using var result = Connection.Query("SELECT 'a string longer than twelve bytes' AS s");
        var chunk = result.FetchChunk()!;
        var vector = chunk.GetVector(0);
        Assert.That(vector.GetString(0), Is.EqualTo("a string longer than twelve bytes"));
        chunk.Dispose();
        Assert.Throws<ObjectDisposedException>(() => vector.GetString(0));
        Assert.That(result.FetchChunk(), Is.Null);
    }

    [Test]
    public void DUCKDB_LIBRARY_pointing_at_a_missing_file_gives_a_clear_error_naming_the_variable()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "libduckdb.so");
        var error = Assert.Throws<DuckDbException>(() => DuckDbLibrary.Load(missing, AppContext.BaseDirectory))!;
        Assert.That(error.Message, Does.Contain("DUCKDB_LIBRARY"));
        Assert.That(error.Message, Does.Contain(missing));
        Assert.That(error.InnerException, Is.InstanceOf<DllNotFoundException>());
    }

    [Test]
    public void No_override_and_no_library_next_to_the_assembly_names_both_ways_to_fix_it()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;
        try
        {
            // The same folder given twice (with and without a trailing separator) is looked at and named once.
            var error = Assert.Throws<DuckDbException>(() => DuckDbLibrary.Load(null, empty, empty + Path.DirectorySeparatorChar))!;
            var candidate = Path.Combine(empty, DuckDbLibrary.FileName);
            Assert.That(error.Message, Does.Contain("DUCKDB_LIBRARY"));
            Assert.That(error.Message, Does.Contain(candidate));
            Assert.That(error.Message.Split(candidate).Length - 1, Is.EqualTo(1), error.Message);
            Assert.That(error.Message, Does.Contain("runtimes/<rid>/native"));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Test]
    public void The_packaged_library_is_found_where_the_host_put_the_native_assets()
    {
        // A portable build keeps the package's runtimes/<rid>/native/ folder; the host names it in
        // NATIVE_DLL_SEARCH_DIRECTORIES, which is the first place looked at.
        var expected = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", DuckDbLibrary.FileName);
        Assert.That(File.Exists(expected), Is.True, $"the package's native asset should be in the output: {expected}");
        var first = DuckDbLibrary.DefaultProbeDirectories().First(d => File.Exists(Path.Combine(d!, DuckDbLibrary.FileName)));
        Assert.That(Path.Combine(first!, DuckDbLibrary.FileName), Is.EqualTo(expected).Or.EqualTo(Path.GetFullPath(expected)));
        Assert.That(DuckDbLibrary.Load(null, DuckDbLibrary.DefaultProbeDirectories()), Is.Not.EqualTo(nint.Zero));
    }
}
