using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>Leaf relations: named tables, files, local (client-sent) data and ranges.</summary>
internal static class ReadRenderer
{
    // Spark format name → DuckDB table function. A fixed table: the function name never comes from the plan.
    private static readonly Dictionary<string, string> FileReaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parquet"] = "read_parquet",
        ["csv"] = "read_csv",
        ["json"] = "read_json_auto",
    };

    internal static Source Read(RelationRenderer renderer, Relation relation)
    {
        var read = relation.Read;
        if (read.IsStreaming)
            throw LocalEngineException.Unsupported("streaming reads", "Read the data as a batch.");
        return read.ReadTypeCase switch
        {
            Spark.Connect.Read.ReadTypeOneofCase.NamedTable when read.NamedTable.Options.Count > 0 => throw LocalEngineException.Unsupported(
                $"the table read option '{read.NamedTable.Options.Keys.Order(StringComparer.Ordinal).First()}'", "Read the table without options."),
            Spark.Connect.Read.ReadTypeOneofCase.NamedTable => NamedTable(renderer, read.NamedTable.UnparsedIdentifier, RelationRenderer.PlanId(relation)),
            Spark.Connect.Read.ReadTypeOneofCase.DataSource => Files(renderer, read.DataSource, RelationRenderer.PlanId(relation)),
            _ => throw LocalEngineException.Unsupported($"the read kind '{read.ReadTypeCase}'", "Read a named table or files."),
        };
    }

    /// <summary>
    /// A table under its own name as alias, so <c>people.name</c> resolves as in Spark; a join that reads
    /// the same table twice re-aliases the second read (see <see cref="JoinRenderer"/>). Inside a subquery
    /// the alias is a fresh one, so it can't shadow the same table in the enclosing query, which a
    /// correlated reference names.
    /// </summary>
    private static Source NamedTable(RelationRenderer renderer, string identifier, long? planId)
    {
        var parts = Catalog.LocalCatalog.ToDuckDbParts(MultipartIdentifier.Parse(identifier));
        var alias = renderer.OuterScopes.Any() ? renderer.Context.NextAlias() : SqlIdentifiers.Quote(parts[^1]);
        // A temporary view shadows a table of the same name; it is a stored plan, rendered here in place.
        // Its inner plan ids stay inside: only the read's own id resolves to it, as for a table.
        if (ViewExpansion.Find(renderer.Context, parts) is { } view)
        {
            string query;
            using (ViewExpansion.Enter(renderer.Context, parts))
                query = renderer.Input(view).ToQuery();
            return new Source($"({query}) AS {alias}", Scope.Wrap(Scope.Empty, planId, alias), [], "*", query, alias);
        }
        return new Source($"{MultipartIdentifier.Quote(parts)} AS {alias}", Scope.Wrap(Scope.Empty, planId, alias), [], "*", null, alias);
    }

    internal static Source Local(RelationRenderer renderer, Relation relation)
    {
        var table = renderer.Context.Session.LoadLocalRelation(relation.LocalRelation);
        return Table(renderer.Context, SqlIdentifiers.Quote(table), RelationRenderer.PlanId(relation));
    }

    /// <summary>Spark's range: one BIGINT column <c>id</c> from start (inclusive) to end (exclusive) by step.</summary>
    internal static Source Range(RelationRenderer renderer, Relation relation)
    {
        var range = relation.Range;
        if (range.Step == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A range's step must not be 0.");
        // The bounds are int64 fields of the plan, written as invariant integers: no text from the plan reaches SQL.
        var bounds = string.Join(", ", new[] { range.HasStart ? range.Start : 0, range.End, range.Step }
            .Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var query = $"SELECT \"range\" AS \"id\" FROM range({bounds})";
        return Source.FromQuery(renderer.Context, query, RelationRenderer.PlanId(relation), Scope.Empty);
    }

    /// <summary>A table-like FROM item under a fresh alias (every read gets its own, so self-joins stay apart).</summary>
    private static Source Table(PlanningContext context, string from, long? planId)
    {
        var alias = context.NextAlias();
        return new Source($"{from} AS {alias}", Scope.Wrap(Scope.Empty, planId, alias), [], "*", null, alias);
    }

    /// <summary>
    /// A DuckDB file reader call. Paths are the one place a value becomes SQL text: DuckDB must know the
    /// file at prepare time to learn its columns, so a parameter won't do; they go through
    /// <see cref="SqlLiterals.QuoteString"/>.
    /// </summary>
    private static Source Files(RelationRenderer renderer, Read.Types.DataSource source, long? planId)
    {
        var format = source.HasFormat ? source.Format : "parquet";
        if (!FileReaders.TryGetValue(format, out var reader))
            throw LocalEngineException.Unsupported($"the data source format '{format}'", "Use parquet, csv or json.");
        if (source.Paths.Count == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"A {format} read needs at least one path.");
        if (source.Predicates.Count > 0)
            throw LocalEngineException.Unsupported("JDBC-style read predicates", "Filter the DataFrame instead.");
        if (source.HasSchema && source.Schema.Length > 0)
            throw LocalEngineException.Unsupported("a user-specified schema for file reads", "Let the engine infer the schema, then cast columns.");
        var arguments = new List<string> { "[" + string.Join(", ", source.Paths.SelectMany(DataFiles.Expand).Select(SqlLiterals.QuoteString)) + "]" };
        var csv = reader == "read_csv";
        if (!csv && source.Options.Count > 0)
            throw LocalEngineException.Unsupported($"the {format} read option '{source.Options.Keys.Order(StringComparer.Ordinal).First()}'", "Read options are supported for csv only.");
        var header = false;
        if (csv)
        {
            var options = new Dictionary<string, string>(source.Options, StringComparer.OrdinalIgnoreCase);
            header = Flag(options, "header");
            // Spark's csv defaults: no header, every column a string unless inferSchema is set.
            arguments.Add("header = " + (header ? "true" : "false"));
            arguments.Add("all_varchar = " + (Flag(options, "inferSchema") ? "false" : "true"));
            if (options.Remove("sep", out var separator) | options.Remove("delimiter", out var delimiter))
                arguments.Add("delim = " + SqlLiterals.QuoteString(separator ?? delimiter!));
            if (options.Keys.FirstOrDefault() is { } unknown)
                throw LocalEngineException.Unsupported($"the csv read option '{unknown}'", "Supported: header, inferSchema and sep/delimiter.");
        }
        var call = $"{reader}({string.Join(", ", arguments)})";
        var alias = renderer.Context.NextAlias();
        var columns = "";
        if (csv && !header)
        {
            // Without a header Spark names the columns _c0, _c1, …; DuckDB would say column0, column1, ….
            var count = renderer.Context.Describe($"SELECT * FROM {call}").Count;
            columns = "(" + string.Join(", ", Enumerable.Range(0, count).Select(i => SqlIdentifiers.Quote("_c" + i.ToString(CultureInfo.InvariantCulture)))) + ")";
        }
        return new Source($"{call} AS {alias}{columns}", Scope.Wrap(Scope.Empty, planId, alias), [], "*", null, alias);
    }

    /// <summary>Removes and parses a true/false reader option (absent = false).</summary>
    private static bool Flag(Dictionary<string, string> options, string key)
    {
        if (!options.Remove(key, out var value))
            return false;
        return value.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"The read option '{key}' must be true or false."),
        };
    }
}
