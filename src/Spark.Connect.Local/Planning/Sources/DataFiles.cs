namespace Spark.Connect.Local.Planning.Sources;

/// <summary>
/// The files a read path stands for. A file is itself; a directory (what Spark, and this engine's writer, produce)
/// is every data file below it, as Spark lists them: files and directories whose names start with <c>_</c> or
/// <c>.</c> (<c>_SUCCESS</c>, <c>.crc</c> files, staging directories) are skipped; <c>col=value</c> directories are
/// kept, and DuckDB turns them into partition columns (hive partitioning is detected from the paths).
/// </summary>
internal static class DataFiles
{
    internal static IEnumerable<string> Expand(string path)
    {
        if (!Directory.Exists(path))
            return [path];
        var files = Below(new DirectoryInfo(path)).Select(f => f.FullName).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new LocalEngineException("UNABLE_TO_INFER_SCHEMA", "42KD9",
            $"Unable to infer the schema of the directory {path}: it holds no data files.",
            new Dictionary<string, string> { ["format"] = "files" });
    }

    private static IEnumerable<FileInfo> Below(DirectoryInfo directory) =>
        directory.EnumerateFiles().Where(f => !Hidden(f.Name))
            .Concat(directory.EnumerateDirectories().Where(d => !Hidden(d.Name)).SelectMany(Below));

    private static bool Hidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
