using System.Reflection;
using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// Finds and loads the native DuckDB library: <c>DUCKDB_LIBRARY</c> when set, else the platform's library file
/// (<c>libduckdb.so</c>, <c>libduckdb.dylib</c> or <c>duckdb.dll</c>) where .NET puts a package's native assets:
/// the native search directories of the app's deps.json (<c>bin/runtimes/&lt;rid&gt;/native</c> of a portable build),
/// the app's own directory (a RID-specific build or publish) and this assembly's directory.
/// </summary>
internal static class DuckDbLibrary
{
    public const string EnvironmentVariable = "DUCKDB_LIBRARY";

    /// <summary>The platforms whose library the Spark.Connect.Local package carries (through DuckDB.NET.Bindings.Full).</summary>
    internal const string PackagedPlatforms = "linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-arm64";

    private static readonly Lock Gate = new();
    private static bool _resolverRegistered;
    private static nint _loaded;

    /// <summary>This platform's file name of the library.</summary>
    public static string FileName { get; } =
        OperatingSystem.IsWindows() ? "duckdb.dll" : OperatingSystem.IsMacOS() ? "libduckdb.dylib" : "libduckdb.so";

    /// <summary>Loads the library once per process, throwing <see cref="DuckDbException"/> if it cannot be found.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded != 0)
                return;
            _loaded = Load(Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultProbeDirectories());
        }
    }

    /// <summary>Where the host and the build put native assets, in the order they are tried.</summary>
    internal static string?[] DefaultProbeDirectories()
    {
        // The host fills NATIVE_DLL_SEARCH_DIRECTORIES from the app's deps.json: with a package reference this is
        // where runtimes/<rid>/native/ of the running platform ends up.
        var native = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        // Without a deps.json that lists the package (e.g. `dotnet Spark.Connect.Local.dll` from another app's output),
        // the runtimes folder of this platform is looked at directly; the package's macOS build is universal ("osx").
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        var platformFolder = Path.Combine(runtimes, RuntimeInformation.RuntimeIdentifier, "native");
        var osFolder = Path.Combine(runtimes, OperatingSystem.IsMacOS() ? "osx" : RuntimeInformation.RuntimeIdentifier, "native");
        return [.. native, AppContext.BaseDirectory, platformFolder, osFolder, Path.GetDirectoryName(typeof(DuckDbLibrary).Assembly.Location)];
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
                    $"Point {EnvironmentVariable} at an existing DuckDB 1.5.x library for this platform, or unset it to use " +
                    $"the one the Spark.Connect.Local package provides ({PackagedPlatforms}).", e);
            }
        }

        var candidates = probeDirectories
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d!)))
            .Distinct(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            .Select(d => Path.Combine(d, FileName))
            .ToList();
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
            $"The DuckDB native library ({FileName}) could not be loaded; looked for {string.Join(", ", candidates)}. " +
            $"The Spark.Connect.Local package provides it for {PackagedPlatforms} (from DuckDB.NET.Bindings.Full): " +
            $"if this is one of them, check that the app's build or publish kept runtimes/<rid>/native/{FileName}. " +
            $"Otherwise set the environment variable {EnvironmentVariable} to the full path of a DuckDB 1.5.x library for this platform.";
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
