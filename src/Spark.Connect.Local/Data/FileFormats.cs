namespace Spark.Connect.Local.Data;

/// <summary>The file formats <see cref="LocalSparkServer.RegisterFile(string, string)"/> reads.</summary>
internal enum FileFormat
{
    Parquet,
    Csv,
    Json,
}

internal static class FileFormats
{
    internal static FileFormat FromExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" => FileFormat.Parquet,
            ".csv" => FileFormat.Csv,
            ".json" or ".jsonl" or ".ndjson" => FileFormat.Json,
            var other => throw new ArgumentException(
                $"Cannot tell the format of '{Path.GetFileName(path)}' from its extension '{other}'; use .parquet, .csv or .json, " +
                "or call RegisterFile(name, path, format) with \"parquet\", \"csv\" or \"json\".", nameof(path)),
        };
    }

    internal static FileFormat Parse(string format) => format?.Trim().ToLowerInvariant() switch
    {
        "parquet" => FileFormat.Parquet,
        "csv" => FileFormat.Csv,
        "json" => FileFormat.Json,
        _ => throw new ArgumentException($"Unknown file format '{format}'; use \"parquet\", \"csv\" or \"json\".", nameof(format)),
    };

    /// <summary>The DuckDB table function reading the format (header and types detected from the file).</summary>
    internal static string ReaderFunction(FileFormat format) => format switch
    {
        FileFormat.Parquet => "read_parquet",
        FileFormat.Csv => "read_csv_auto",
        _ => "read_json_auto",
    };
}
