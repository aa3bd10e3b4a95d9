using System.Reflection;

namespace Spark.Testing;

/// <summary>Where the repository (compiled into every test project from tests/Shared) and the shared reference material are, for tests that read files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>A folder of the repository's <c>tools/</c> (the npm oracles).</summary>
    public static string Tool(string name) => Path.Combine(Root, "tools", name);

    /// <summary><c>../shared/reference</c> beside the repository.</summary>
    public static string SharedReference { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
}
