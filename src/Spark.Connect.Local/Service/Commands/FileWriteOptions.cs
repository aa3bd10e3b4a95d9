using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sources;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// A file write's format and Spark writer options as DuckDB <c>COPY</c> options. Only the options listed here
/// are understood; anything else is refused by name rather than silently ignored. Option values that reach the
/// SQL go through <see cref="SqlLiterals.QuoteString"/> (DuckDB takes no parameters in COPY options).
/// </summary>
internal sealed record FileWriteOptions(string Extension, string CopyOptions)
{
    // Spark codec name → DuckDB parquet codec. A fixed table, so the codec text is ours.
    private static readonly Dictionary<string, string> ParquetCodecs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["snappy"] = "snappy", ["gzip"] = "gzip", ["zstd"] = "zstd", ["lz4"] = "lz4", ["none"] = "uncompressed", ["uncompressed"] = "uncompressed",
    };

    internal static FileWriteOptions Parse(string format, IDictionary<string, string> options)
    {
        var remaining = new Dictionary<string, string>(options, StringComparer.OrdinalIgnoreCase);
        var copy = format.ToLowerInvariant() switch
        {
            "parquet" => new FileWriteOptions("parquet", "FORMAT parquet" + ParquetCompression(remaining)),
            "csv" => new FileWriteOptions("csv", "FORMAT csv" + CsvOptions(remaining)),
            "json" => new FileWriteOptions("json", "FORMAT json"),
            _ => throw LocalEngineException.Unsupported($"writing the data source format '{format}'", "Write parquet, csv or json."),
        };
        if (remaining.Keys.FirstOrDefault() is { } unknown)
            throw LocalEngineException.Unsupported($"the {format} write option '{unknown}'",
                "Supported: compression (parquet); header, sep/delimiter, quote, nullValue (csv).");
        return copy;
    }

    private static string ParquetCompression(Dictionary<string, string> options)
    {
        if (!options.Remove("compression", out var codec))
            return ", COMPRESSION snappy";
        return ParquetCodecs.TryGetValue(codec.Trim(), out var duckdb)
            ? ", COMPRESSION " + duckdb
            : throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"The parquet compression '{codec}' is not one of {string.Join(", ", ParquetCodecs.Keys)}.");
    }

    /// <summary>Spark's csv writer defaults: no header, comma separator, double quote, nulls as empty fields.</summary>
    private static string CsvOptions(Dictionary<string, string> options)
    {
        var text = ", HEADER " + (BooleanOption.Take(options, "header", "write") ? "true" : "false");
        if (options.Remove("sep", out var separator) | options.Remove("delimiter", out var delimiter))
            text += ", DELIMITER " + SqlLiterals.QuoteString(separator ?? delimiter!);
        if (options.Remove("quote", out var quote))
            text += ", QUOTE " + SqlLiterals.QuoteString(quote);
        if (options.Remove("nullValue", out var nullValue))
            text += ", NULLSTR " + SqlLiterals.QuoteString(nullValue);
        return text;
    }
}
