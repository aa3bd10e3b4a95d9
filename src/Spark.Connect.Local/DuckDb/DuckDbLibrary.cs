using System.Reflection;
using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// Finds and loads the native DuckDB library: <c>DUCKDB_LIBRARY</c> when set, else <c>libduckdb.so</c>
/// next to this assembly (the build puts it there on Linux x64).
/// </summary>
internal static class DuckDbLibrary
{
    public const string EnvironmentVariable = "DUCKDB_LIBRARY";
    public const string FileName = "libduckdb.so";

    private static readonly Lock Gate = new();
    private static bool _resolverRegistered;
    private static nint _loaded;

    /// <summary>Loads the library once per process, throwing <see cref="DuckDbException"/> if it cannot be found.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded != 0)
                return;
            _loaded = Load(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory,
                Path.GetDirectoryName(typeof(DuckDbLibrary).Assembly.Location));
        }
    }

    /// <summary>The loading rule itself, separated from process state so it can be tested.</summary>
    internal static nint Load(string? overridePath, params string?[] probeDirectories)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            try
            {
                return NativeLibrary.Load(overridePath);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                throw new DuckDbException(
                    $"Could not load the DuckDB native library from {EnvironmentVariable}='{overridePath}': {e.Message} " +
                    $"Point {EnvironmentVariable} at an existing libduckdb (1.5.x) for this platform, or unset it to use " +
                    $"the {FileName} that the build copies next to Spark.Connect.Local.dll on Linux x64.", e);
            }
        }

        var candidates = probeDirectories.Where(d => !string.IsNullOrEmpty(d)).Distinct()
            .Select(d => Path.Combine(d!, FileName)).ToList();
        Exception? lastError = null;
        foreach (var candidate in candidates.Where(File.Exists))
        {
            try
            {
                return NativeLibrary.Load(candidate);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                lastError = e;
            }
        }
        var message =
            $"The DuckDB native library could not be loaded (looked for {string.Join(", ", candidates)}). " +
            $"Either set the environment variable {EnvironmentVariable} to the full path of a libduckdb (1.5.x) for " +
            $"this platform, or build on Linux x64, where the build fetches {FileName} (npm package " +
            "@duckdb/node-bindings-linux-x64@1.5.6-r.1) and copies it next to Spark.Connect.Local.dll.";
        throw lastError is null
            ? new DuckDbException(message, new DllNotFoundException(FileName))
            : new DuckDbException(message, lastError);
    }

    /// <summary>Routes this assembly's <c>[LibraryImport("duckdb")]</c> calls to the loaded library.</summary>
    public static void RegisterResolver()
    {
        lock (Gate)
        {
            if (_resolverRegistered)
                return;
            NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);
            _resolverRegistered = true;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library)
            return 0;
        EnsureLoaded();
        return _loaded;
    }
}
