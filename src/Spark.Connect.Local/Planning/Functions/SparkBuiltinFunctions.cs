namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// The names Spark itself resolves as functions (its FunctionRegistry), read once from the embedded
/// <c>SparkBuiltinFunctions.txt</c>. The catalog asks it only about names it does not implement, to tell
/// Spark's answer for a name that is no function at all (UNRESOLVED_ROUTINE) from a Spark function the
/// local engine lacks (UNSUPPORTED_FEATURE.LOCAL_ENGINE). Names compare case-insensitively, as in Spark.
/// </summary>
internal static class SparkBuiltinFunctions
{
    /// <summary>The manifest name of the embedded list (set in the project file).</summary>
    internal const string ResourceName = "Spark.Connect.Local.SparkBuiltinFunctions.txt";

    private static readonly Lazy<IReadOnlySet<string>> Loaded = new(Load);

    /// <summary>Every Spark built-in function name.</summary>
    public static IReadOnlySet<string> Names => Loaded.Value;

    /// <summary>True when Spark has a built-in function called <paramref name="name"/> (any case).</summary>
    public static bool Contains(string name) => Names.Contains(name);

    private static HashSet<string> Load()
    {
        using var stream = typeof(SparkBuiltinFunctions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var name = line.Trim();
            if (name.Length > 0 && !name.StartsWith('#'))
                names.Add(name);
        }
        return names;
    }
}
