using System.Globalization;

namespace Spark.Connect.Local.Planning.Sources;

/// <summary>
/// <c>spark.read.format(…).load(paths)</c> as a DuckDB query over a file reader: <c>read_parquet</c>, <c>read_csv</c>
/// (Spark's defaults: no header, every column a string) or <c>read_json_auto</c>. Paths are the one place a
/// value becomes SQL text: DuckDB must open the file while preparing to learn its columns, so a parameter won't
/// do; they go through <see cref="SqlLiterals.QuoteString"/>.
/// </summary>
internal static class FileReads
{
    // Spark format name → DuckDB table function. A fixed table: the function name never comes from the plan.
    private static readonly Dictionary<string, string> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parquet"] = "read_parquet",
        ["csv"] = "read_csv",
        ["json"] = "read_json_auto",
    };

    /// <summary><c>SELECT * FROM reader([paths], options) AS alias(columns)</c>.</summary>
    internal static string Query(PlanningContext context, Read.Types.DataSource source)
    {
        var format = source.HasFormat ? source.Format : "parquet";
        if (!Readers.TryGetValue(format, out var reader))
            throw LocalEngineException.Unsupported($"the data source format '{format}'", "Use parquet, csv or json.");
        if (source.Paths.Count == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"A {format} read needs at least one path.");
        if (source.Predicates.Count > 0)
            throw LocalEngineException.Unsupported("JDBC-style read predicates", "Filter the DataFrame instead.");
        if (source.HasSchema && source.Schema.Length > 0)
            throw LocalEngineException.Unsupported("a user-specified schema for file reads", "Let the engine infer the schema, then cast columns.");
        var arguments = new List<string> { "[" + string.Join(", ", Files(context.Session, source.Paths).Select(SqlLiterals.QuoteString)) + "]" };
        var csv = reader == "read_csv";
        if (!csv && source.Options.Count > 0)
            throw LocalEngineException.Unsupported($"the {format} read option '{source.Options.Keys.Order(StringComparer.Ordinal).First()}'", "Read options are supported for csv only.");
        var header = csv && CsvArguments(source, arguments);
        var call = $"{reader}({string.Join(", ", arguments)})";
        if (!csv || header)
            return $"SELECT * FROM {call}";
        // Without a header Spark names the columns _c0, _c1, …; DuckDB would say column0, column1, ….
        var count = context.Describe($"SELECT * FROM {call}").Count;
        var names = string.Join(", ", Enumerable.Range(0, count).Select(i => SqlIdentifiers.Quote("_c" + i.ToString(CultureInfo.InvariantCulture))));
        return $"SELECT * FROM {call} AS {context.NextAlias()}({names})";
    }

    /// <summary>
    /// The files the paths stand for, each one the server lets clients read: a path outside the data directories
    /// is refused before the server lists it, and so is every file found below a directory (a link may lead out).
    /// <c>df.inputFiles()</c> lists the same files.
    /// </summary>
    internal static IReadOnlyList<string> Files(IPlanningSession session, IEnumerable<string> paths)
    {
        var access = Security.FileAccessPolicy.Of(session.Connection);
        var files = new List<string>();
        foreach (var path in paths)
        {
            access.CheckRead(path);
            foreach (var file in DataFiles.Expand(path))
            {
                if (!ReferenceEquals(file, path))
                    access.CheckRead(file);
                files.Add(file);
            }
        }
        return files;
    }

    /// <summary>Adds the csv options (header, inferSchema, sep/delimiter) and returns whether the file has a header.</summary>
    private static bool CsvArguments(Read.Types.DataSource source, List<string> arguments)
    {
        var options = new Dictionary<string, string>(source.Options, StringComparer.OrdinalIgnoreCase);
        var header = BooleanOption.Take(options, "header", "read");
        // Spark's csv defaults: no header, every column a string unless inferSchema is set.
        arguments.Add("header = " + (header ? "true" : "false"));
        arguments.Add("all_varchar = " + (BooleanOption.Take(options, "inferSchema", "read") ? "false" : "true"));
        if (options.Remove("sep", out var separator) | options.Remove("delimiter", out var delimiter))
            arguments.Add("delim = " + SqlLiterals.QuoteString(separator ?? delimiter!));
        if (options.Keys.FirstOrDefault() is { } unknown)
            throw LocalEngineException.Unsupported($"the csv read option '{unknown}'", "Supported: header, inferSchema and sep/delimiter.");
        return header;
    }
}
