namespace Spark.Connect.Local.Data;

/// <summary>What a registered name reads: a format and the path or glob pattern DuckDB's reader is given.</summary>
internal sealed record FileSource(FileFormat Format, string Pattern)
{
    internal static FileSource ForFile(string fullPath, FileFormat? format) =>
        new(format ?? FileFormats.FromExtension(fullPath), fullPath);

    /// <summary>
    /// A folder reads as one table, as Spark reads a directory: every visible file in it and its subfolders,
    /// skipping names that start with <c>_</c> or <c>.</c> (Spark's <c>_SUCCESS</c> markers, <c>.crc</c> checksums).
    /// The files must share one extension, which gives the glob and, unless <paramref name="format"/> is given, the format.
    /// </summary>
    internal static FileSource ForFolder(string fullPath, FileFormat? format)
    {
        // Glob metacharacters in the folder's own path would change what the pattern matches.
        if (fullPath.IndexOfAny(['*', '?', '[', ']']) >= 0)
        {
            throw new ArgumentException($"Cannot register the folder '{fullPath}': its path contains a glob character (*, ?, [ or ]). " +
                "Move or rename it, or register its files one by one.", nameof(fullPath));
        }

        var extensions = VisibleFiles(fullPath)
            .Select(file => Path.GetExtension(file).ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (extensions.Count == 0)
            throw new ArgumentException($"Cannot register the folder '{fullPath}': it holds no data files.", nameof(fullPath));
        if (extensions.Count > 1)
        {
            throw new ArgumentException($"Cannot register the folder '{fullPath}': its files have different extensions " +
                $"({string.Join(", ", extensions.Select(e => e.Length == 0 ? "(none)" : e))}); a folder reads as one table of one format. " +
                "Register the files one by one, or keep one format per folder.", nameof(fullPath));
        }

        var extension = extensions[0];
        if (extension.Length == 0)
        {
            throw new ArgumentException($"Cannot register the folder '{fullPath}': its files have no extension to match. " +
                "Name them .parquet, .csv or .json.", nameof(fullPath));
        }

        var resolved = format ?? FileFormats.FromExtension("x" + extension);
        return new FileSource(resolved, Path.Combine(fullPath, "**", "*" + extension));
    }

    private static IEnumerable<string> VisibleFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!IsHidden(file))
                yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (IsHidden(child))
                continue;
            foreach (var file in VisibleFiles(child))
                yield return file;
        }
    }

    private static bool IsHidden(string path) => Path.GetFileName(path) is ['_' or '.', ..];
}
