using Spark.Connect.Local.Planning;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// <c>df.write.format(f).mode(m).partitionBy(…).save(path)</c>: like Spark, the path becomes a directory of part
/// files (<c>part-00000-&lt;uuid&gt;.parquet</c>, hive-style <c>col=value/</c> subdirectories for partition columns)
/// plus an empty <c>_SUCCESS</c> marker, written with DuckDB's <c>COPY (query) TO</c> with the query's values bound.
/// An overwrite writes a staging directory next to the target first and swaps it in, so a failed write leaves the
/// old data in place.
/// </summary>
internal static class PathWriter
{
    internal static void Write(IPlanningSession session, WriteOperation write)
    {
        var format = FileWriteOptions.Parse(write.HasSource ? write.Source : "parquet", write.Options);
        var path = LocalPath(write.Path);
        // Before the server looks at the path at all: clients write only inside the data directories, when limited.
        Security.FileAccessPolicy.Of(session.Connection).CheckWrite(path);
        var exists = Directory.Exists(path) || File.Exists(path);
        var mode = write.Mode == SaveMode.Unspecified ? SaveMode.ErrorIfExists : write.Mode;
        if (exists && mode == SaveMode.ErrorIfExists)
            throw PathAlreadyExists(path);
        if (exists && mode == SaveMode.Ignore)
            return;
        if (mode == SaveMode.Overwrite && ReadsPath(write.Input, path))
            throw new LocalEngineException("UNSUPPORTED_OVERWRITE.PATH", "42902",
                $"Can't overwrite the target that is also being read from: {path}. Write to another path, then replace.",
                new Dictionary<string, string> { ["path"] = path });
        var query = WriteStatements.PlanInput(session, write.Input);
        var partitions = PartitionColumns(session, query, write.PartitioningColumns);
        if (exists && mode == SaveMode.Overwrite)
        {
            var staging = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".spark-staging-{Guid.NewGuid():N}");
            try
            {
                WriteDirectory(session, query, staging, format, partitions);
                Delete(path);
                Directory.Move(staging, path);
            }
            finally
            {
                if (Directory.Exists(staging))
                    Directory.Delete(staging, recursive: true);
            }
            return;
        }
        if (File.Exists(path))
            throw PathAlreadyExists(path);
        WriteDirectory(session, query, path, format, partitions);
    }

    /// <summary>Writes the rows as new part files into <paramref name="directory"/> (created if missing) and marks it complete.</summary>
    private static void WriteDirectory(IPlanningSession session, PlannedQuery query, string directory, FileWriteOptions format, IReadOnlyList<string> partitions)
    {
        Directory.CreateDirectory(directory);
        string sql;
        if (partitions.Count == 0)
        {
            var file = Path.Combine(directory, $"part-00000-{Guid.NewGuid()}.{format.Extension}");
            sql = $"COPY ({query.Sql}) TO {SqlLiterals.QuoteString(file)} ({format.CopyOptions})";
        }
        else
        {
            // One file per partition directory; the uuid in the name keeps appends from replacing earlier files.
            var by = string.Join(", ", partitions.Select(SqlIdentifiers.Quote));
            sql = $"COPY ({query.Sql}) TO {SqlLiterals.QuoteString(directory)} " +
                $"({format.CopyOptions}, PARTITION_BY ({by}), FILENAME_PATTERN 'part-00000-{{uuid}}', OVERWRITE_OR_IGNORE true)";
        }
        WriteStatements.Run(session.Connection, sql, query);
        File.WriteAllBytes(Path.Combine(directory, "_SUCCESS"), []);
    }

    /// <summary>The partition columns as the query names them; each must exist and at least one column must stay in the files.</summary>
    private static List<string> PartitionColumns(IPlanningSession session, PlannedQuery query, IReadOnlyCollection<string> requested)
    {
        if (requested.Count == 0)
            return [];
        var columns = Planning.Catalog.CatalogLookup.Describe(session.Connection, query.Sql).Select(c => c.Name).ToList();
        var resolved = new List<string>();
        foreach (var name in requested)
        {
            var column = columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new LocalEngineException("COLUMN_NOT_FOUND", "42703",
                    $"The partition column `{name}` does not exist in the data. Columns: {string.Join(", ", columns.Select(c => $"`{c}`"))}.",
                    new Dictionary<string, string> { ["colName"] = $"`{name}`" });
            resolved.Add(column);
        }
        if (resolved.Distinct(StringComparer.OrdinalIgnoreCase).Count() >= columns.Count)
            throw new LocalEngineException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "KD005",
                "Cannot use all columns for partition columns; keep at least one column in the files.");
        return resolved;
    }

    /// <summary>A local file system path from Spark's path text (<c>/tmp/x</c>, <c>file:/tmp/x</c>, <c>file:///tmp/x</c>).</summary>
    internal static string LocalPath(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A write to a path needs a non-empty path.");
        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            text = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : text[5..];
        else if (text.Contains("://", StringComparison.Ordinal))
            throw LocalEngineException.Unsupported($"the file system of '{text[..text.IndexOf("://", StringComparison.Ordinal)]}://' paths", "Write to a local path.");
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(text));
    }

    private static bool ReadsPath(Relation input, string path) => WriteStatements.Reads(input).Any(r =>
        r.ReadTypeCase == Read.ReadTypeOneofCase.DataSource &&
        r.DataSource.Paths.Any(p => !p.Contains("://", StringComparison.Ordinal) && string.Equals(LocalPath(p), path, StringComparison.Ordinal)));

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        else if (File.Exists(path))
            File.Delete(path);
    }

    private static LocalEngineException PathAlreadyExists(string path) => new("PATH_ALREADY_EXISTS", "42K04",
        $"Path file:{path} already exists. Set mode as \"overwrite\" to overwrite the existing path.",
        new Dictionary<string, string> { ["outputPath"] = "file:" + path });
}
