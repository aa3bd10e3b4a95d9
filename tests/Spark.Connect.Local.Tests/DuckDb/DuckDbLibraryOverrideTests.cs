using System.Reflection;
using System.Runtime.Loader;

namespace Spark.Connect.Local.Tests.DuckDb;

/// <summary>
/// This process has already loaded libduckdb, so the override is exercised end to end on a fresh copy
/// of Spark.Connect.Local loaded into its own AssemblyLoadContext (fresh statics, its own resolver).
/// </summary>
[NonParallelizable]
public class DuckDbLibraryOverrideTests
{
    private const string Variable = "DUCKDB_LIBRARY";

    [Test]
    public void Opening_a_database_with_DUCKDB_LIBRARY_at_a_missing_file_throws_DuckDbException_naming_the_variable()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "libduckdb.so");
        var error = OpenInIsolatedCopy(missing);
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.GetType().FullName, Is.EqualTo("Spark.Connect.Local.DuckDb.DuckDbException"));
        Assert.That(error.Message, Does.Contain(Variable));
        Assert.That(error.Message, Does.Contain(missing));
    }

    [Test]
    public void Opening_a_database_with_DUCKDB_LIBRARY_at_a_real_library_works()
    {
        // The library the package put in this test's output (bin/runtimes/<rid>/native/).
        var library = Spark.Connect.Local.DuckDb.DuckDbLibrary.DefaultProbeDirectories()
            .Select(d => Path.Combine(d!, Spark.Connect.Local.DuckDb.DuckDbLibrary.FileName))
            .First(File.Exists);
        Assert.That(OpenInIsolatedCopy(library), Is.Null);
    }

    private static Exception? OpenInIsolatedCopy(string libraryPath)
    {
        var previous = Environment.GetEnvironmentVariable(Variable);
        var context = new AssemblyLoadContext("duckdb-override-test", isCollectible: true);
        try
        {
            Environment.SetEnvironmentVariable(Variable, libraryPath);
            var assembly = context.LoadFromAssemblyPath(typeof(Spark.Connect.Local.DuckDb.DuckDbException).Assembly.Location);
            var database = assembly.GetType("Spark.Connect.Local.DuckDb.DuckDbDatabase", throwOnError: true)!;
            var open = database.GetMethod("Open", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
            try
            {
                using var opened = (IDisposable)open.Invoke(null, [":memory:"])!;
                return null;
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException;
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, previous);
            context.Unload();
        }
    }
}
