using System.Reflection;

namespace Spark.Testing;

/// <summary>
/// Where the repository is (its root is compiled into every test project that links tests/Shared) and where the
/// test data lives. Everything a test reads is inside the repository, so a clean clone passes on its own.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>A folder of the repository's <c>tools/</c> (the npm oracles).</summary>
    public static string Tool(string name) => Path.Combine(Root, "tools", name);

    /// <summary><c>tests/Fixtures</c>: reference data copied from Apache Spark (see its README.md).</summary>
    public static string Fixtures { get; } = Path.GetFullPath(Path.Combine(Root, "tests", "Fixtures"));

    /// <summary>A golden relation of Spark's Connect client test suite, <c>tests/Fixtures/spark-golden/queries/{name}.json</c>.</summary>
    public static string GoldenQuery(string name) => Path.Combine(Fixtures, "spark-golden", "queries", name + ".json");
}
