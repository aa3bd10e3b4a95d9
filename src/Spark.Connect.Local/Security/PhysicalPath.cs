namespace Spark.Connect.Local.Security;

/// <summary>
/// A path as the operating system reaches it: absolute, every symbolic link followed and <c>.</c> / <c>..</c>
/// applied after the link they follow (so <c>dir/link/..</c> is the link target's parent, as the system sees it,
/// not <c>dir</c>). Parts that don't exist yet are kept as written. DuckDB checks its allowed directories on
/// resolved paths too, so both checks agree.
/// </summary>
internal static class PhysicalPath
{
    // The most links followed for one path, as the system's own limit (ELOOP) guards cycles.
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The resolved form of <paramref name="path"/> (relative paths are taken from the current directory).</summary>
    /// <exception cref="IOException">The path runs through more than 40 symbolic links (a cycle).</exception>
    internal static string Resolve(string path)
    {
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);
        var links = 0;
        return Walk(absolute, ref links);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> itself (unless <paramref name="strictlyInside"/>) or lies below it; both resolved.</summary>
    internal static bool IsWithin(string path, string directory, bool strictlyInside)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var root = Path.TrimEndingDirectorySeparator(directory);
        if (string.Equals(path, root, comparison))
            return !strictlyInside;
        // A root directory ("/", "C:\") keeps its separator, so it is a prefix as it stands.
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison) && path.Length > prefix.Length;
    }

    private static string Walk(string absolute, ref int links)
    {
        var root = Path.GetPathRoot(absolute) ?? Path.DirectorySeparatorChar.ToString();
        var parts = absolute[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == ".")
                continue;
            if (parts[i] == "..")
            {
                // current is already resolved, so its parent is the parent the system means.
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Join(current, parts[i]);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    throw new IOException($"The path '{absolute}' runs through too many symbolic links.");
                var linked = Path.IsPathFullyQualified(target) ? target : Path.Join(current, target);
                return Walk(Path.Join(linked, string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..])), ref links);
            }
            current = next;
        }
        return current;
    }
}
