using System.Reflection;

namespace Spark.Linq.Tests.Golden;

/// <summary>Where the repository and the shared reference material are, for tests that read files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary><c>../shared/reference</c> beside the repository.</summary>
    public static string SharedReference { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
}
