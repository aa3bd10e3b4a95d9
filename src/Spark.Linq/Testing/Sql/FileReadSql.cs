using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// Reads as Spark SQL FROM items: a file read as Spark's path relation, <c>parquet.`/data/orders`</c>, and reader
/// options (of a file read or a table) as the relation's <c>WITH ('key' = 'value')</c> clause, which Spark 4 hands to the
/// reader. What a path relation can't say (several paths, a schema, JDBC predicates, a default format) is refused by name.
/// </summary>
internal static class FileReadSql
{
    public static string Table(Read read)
    {
        ThrowIfStreaming(read);
        return SparkSqlNames.QuoteMultipart(read.NamedTable.UnparsedIdentifier) + Options(read.NamedTable.Options);
    }

    public static string Files(Read read)
    {
        ThrowIfStreaming(read);
        var source = read.DataSource;
        if (!source.HasFormat || string.IsNullOrWhiteSpace(source.Format))
            throw new NotSupportedException("The plan reads files without naming their format (Spark would use spark.sql.sources.default), which ToSparkSql can't write; name the format.");
        if (source.Paths.Count != 1)
            throw new NotSupportedException($"The plan reads {source.Paths.Count} paths, and Spark SQL's {source.Format}.`path` reads one; use a folder or a glob pattern.");
        if (source.HasSchema && source.Schema.Length > 0)
            throw new NotSupportedException("The plan reads files with a schema it gives (DataFrameReader.schema), which Spark SQL's path relation can't state.");
        if (source.Predicates.Count > 0)
            throw new NotSupportedException("The plan reads with JDBC predicates, which Spark SQL's path relation can't state.");
        // The path is one back-quoted name part: back-quotes in it are doubled, so it can't end early.
        return SparkSqlNames.Quote(source.Format) + ".`" + source.Paths[0].Replace("`", "``", StringComparison.Ordinal) + "`" + Options(source.Options);
    }

    private static string Options(IDictionary<string, string> options) => options.Count == 0
        ? string.Empty
        : " WITH (" + string.Join(", ", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => SparkSqlLiterals.Quote(o.Key) + " = " + SparkSqlLiterals.Quote(o.Value))) + ")";

    private static void ThrowIfStreaming(Read read)
    {
        if (read.IsStreaming) throw new NotSupportedException("The plan reads a stream, which a Spark SQL query can't.");
    }
}
