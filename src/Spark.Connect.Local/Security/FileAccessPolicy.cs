using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Security;

/// <summary>
/// Which server files a client's reads (<c>spark.read</c>) and writes (<c>df.write.save</c>) may touch: any file
/// (a server on loopback without a token and without <see cref="LocalSparkServerOptions.DataDirectories"/>), or
/// only files below the data directories. DuckDB enforces the same directories itself (they are the database's
/// <see cref="DuckDbDatabase.AllowedDirectories"/>); this check runs first so a refused path gets a clear error
/// naming the option, and it guards the file operations the service does outside DuckDB (listing a directory,
/// creating, moving and deleting write directories).
/// </summary>
internal sealed class FileAccessPolicy
{
    private static readonly FileAccessPolicy Unrestricted = new(null);
    private readonly IReadOnlyList<string>? _directories;

    private FileAccessPolicy(IReadOnlyList<string>? directories) => _directories = directories;

    /// <summary>The policy of the database <paramref name="connection"/> belongs to.</summary>
    internal static FileAccessPolicy Of(DuckDbConnection connection) =>
        connection.Database.AllowedDirectories is { } directories ? new FileAccessPolicy(directories) : Unrestricted;

    /// <summary>False when every file is reachable.</summary>
    internal bool IsRestricted => _directories is not null;

    /// <summary>Refuses a read of <paramref name="path"/> (a file, a directory or a glob pattern) outside the data directories.</summary>
    internal void CheckRead(string path)
    {
        if (_directories is null)
            return;
        var local = LocalPath(path, "read");
        // A glob is checked by the directory it starts from; DuckDB checks every file it matches.
        var literal = GlobStart(local);
        if (!Allows(literal, strictlyInside: false))
            throw Outside(path, "read");
    }

    /// <summary>Refuses a write to <paramref name="path"/> unless it lies strictly inside a data directory (never the directory itself).</summary>
    internal void CheckWrite(string path)
    {
        if (_directories is null)
            return;
        if (!Allows(LocalPath(path, "write"), strictlyInside: true))
            throw Outside(path, "write");
    }

    /// <summary>True when <paramref name="path"/> (after resolving links) lies in a data directory.</summary>
    internal bool Allows(string path, bool strictlyInside)
    {
        if (_directories is null)
            return true;
        var resolved = PhysicalPath.Resolve(path);
        return _directories.Any(d => PhysicalPath.IsWithin(resolved, d, strictlyInside));
    }

    private static string LocalPath(string text, string action)
    {
        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : text[5..];
        if (text.Contains("://", StringComparison.Ordinal))
            throw new LocalEngineException("INSUFFICIENT_PERMISSIONS", "42501",
                $"The local server does not let clients {action} '{text}': only local files below LocalSparkServerOptions.DataDirectories are reachable.",
                new Dictionary<string, string> { ["path"] = text, ["report"] = "remote file systems are not reachable" });
        return text;
    }

    private static string GlobStart(string path)
    {
        var glob = path.IndexOfAny(['*', '?', '[', '{']);
        if (glob < 0)
            return path;
        var separator = path.LastIndexOfAny(['/', Path.DirectorySeparatorChar], glob);
        return separator < 0 ? "." : path[..(separator + 1)];
    }

    private LocalEngineException Outside(string path, string action)
    {
        var where = _directories!.Count == 0
            ? "none is configured (a server with a token or listening beyond loopback has none unless the host sets LocalSparkServerOptions.DataDirectories)"
            : "they are " + string.Join(", ", _directories);
        return new LocalEngineException("INSUFFICIENT_PERMISSIONS", "42501",
            $"The local server does not let clients {action} '{path}': clients reach only files below its data directories, and {where}. " +
            "Use a path below a data directory, or ask the host to add one to LocalSparkServerOptions.DataDirectories.",
            new Dictionary<string, string> { ["path"] = path, ["report"] = $"{action} outside the data directories" });
    }
}
