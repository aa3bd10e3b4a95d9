namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>CREATE, REPLACE, DROP and INSERT: tables, views and databases.</summary>
internal sealed partial class StatementParser
{
    // USING formats: every managed table is a DuckDB table whatever its format, so these differ only in files never written.
    private static readonly HashSet<string> TableFormats = new(StringComparer.OrdinalIgnoreCase) { "parquet", "csv", "json", "orc", "delta", "avro", "text" };

    private SparkStatement Create()
    {
        var replace = AcceptWords("OR", "REPLACE");
        if ((IsWord("GLOBAL") && (PeekAt(1).IsWord("TEMP") || PeekAt(1).IsWord("TEMPORARY")) && PeekAt(2).IsWord("VIEW")) || ((IsWord("TEMP") || IsWord("TEMPORARY")) && PeekAt(1).IsWord("VIEW")))
            return TempViewUsing(replace);
        if (IsWord("GLOBAL") || IsWord("TEMP") || IsWord("TEMPORARY"))
            throw Unsupported("CREATE TEMPORARY " + string.Join(" ", PeekAt(1).Text, PeekAt(2).Text).ToUpperInvariant().Trim(),
                "Temporary views are created with CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v AS query; temporary tables and functions are not supported.");
        if (AcceptWord("VIEW"))
            return CreateView(replace);
        if (IsWord("EXTERNAL"))
            throw Unsupported("CREATE EXTERNAL TABLE", "Tables over existing files are not kept; read the files with spark.read or SELECT … FROM parquet.`path`.");
        if (AcceptWord("TABLE"))
            return CreateTable(replace ? CreateMode.CreateOrReplace : CreateMode.Create);
        if (!replace && (AcceptWord("DATABASE") || AcceptWord("SCHEMA") || AcceptWord("NAMESPACE")))
            return CreateDatabase();
        if (Current.Kind == SparkTokenKind.Word && Current.Text.ToUpperInvariant() is "FUNCTION" or "INDEX" or "TEMPORARY" or "MATERIALIZED" or "STREAMING")
            throw Unsupported("CREATE " + Current.Text.ToUpperInvariant(), "The local engine creates tables, temporary views and databases only.");
        throw Error(null);
    }

    private SparkStatement CreateTable(CreateMode mode)
    {
        if (mode == CreateMode.Create && IsWord("IF"))
        {
            Advance();
            ExpectWord("NOT");
            ExpectWord("EXISTS");
            mode = CreateMode.IfNotExists;
        }
        var name = MultipartName();
        if (mode is CreateMode.Create or CreateMode.IfNotExists && AcceptWord("LIKE"))
            return CreateTableLike(name, mode);
        var columns = Current.IsSymbol("(") && !PeekAt(1).IsWord("SELECT") ? ColumnDefinitions() : null;
        string? format = null;
        string? location = null;
        IReadOnlyDictionary<string, string> options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var partitions = new List<string>();
        while (true)
        {
            if (AcceptWord("USING"))
                format = Format();
            else if (AcceptWords("PARTITIONED", "BY"))
                partitions.AddRange(IdentifierList());
            else if (AcceptWord("OPTIONS"))
                options = PropertyList();
            else if (AcceptWord("TBLPROPERTIES"))
                SkipPropertyList();
            else if (AcceptWord("COMMENT"))
                StringLiteral();
            else if (AcceptWord("LOCATION"))
                location = StringLiteral();
            else if (IsWord("CLUSTERED") || AcceptWords("CLUSTER", "BY"))
                throw Unsupported("CREATE TABLE … CLUSTERED BY / CLUSTER BY", "Local tables have no buckets or clustering; create the table without them.");
            else if (IsWord("STORED") || IsWord("ROW"))
                throw Unsupported("Hive table formats (STORED AS, ROW FORMAT)", "Use USING parquet (or leave the format out).");
            else
                break;
        }
        string? query = null;
        if (AcceptWord("AS"))
            query = QueryText();
        else if (AtQueryStart && columns is null)
            query = QueryText();
        // Without columns or a query, an external table's columns come from the files at its location.
        if (columns is null && query is null && location is null)
            throw Error("missing the column list or AS query");
        if (columns is not null && query is not null)
            throw new LocalEngineException("_LEGACY_ERROR_TEMP_0035", "42000",
                "Operation not allowed: Schema may not be specified in a Create Table As Select (CTAS) statement.");
        return new CreateTableStatement(name, mode, columns, query, format, partitions) { Location = location, Options = options };
    }

    private string Format()
    {
        var parts = MultipartName();
        var format = parts[^1];
        if (string.Equals(format, "hive", StringComparison.OrdinalIgnoreCase))
            throw Unsupported("USING hive", "Use USING parquet (or leave the format out).");
        return TableFormats.Contains(format) ? format.ToLowerInvariant()
            : throw new LocalEngineException("DATA_SOURCE_NOT_FOUND", "42K02",
                $"Failed to find the data source: {string.Join(".", parts)}. The local engine's tables take parquet, csv, json, orc, avro, text or delta.",
                new Dictionary<string, string> { ["provider"] = string.Join(".", parts) });
    }

    private List<ColumnDefinition> ColumnDefinitions()
    {
        ExpectSymbol("(");
        var columns = new List<ColumnDefinition>();
        do
        {
            var name = Identifier();
            var type = ColumnType();
            var nullable = true;
            string? comment = null;
            while (true)
            {
                if (AcceptWords("NOT", "NULL"))
                    nullable = false;
                else if (AcceptWord("COMMENT"))
                    comment = StringLiteral();
                else if (IsWord("DEFAULT") || IsWord("GENERATED") || IsWord("CONSTRAINT") || IsWord("PRIMARY"))
                    throw Unsupported($"column {Current.Text.ToUpperInvariant()} clauses", "Create the column without it; missing values are NULL.");
                else
                    break;
            }
            columns.Add(new ColumnDefinition(name, type, nullable, comment));
        }
        while (AcceptSymbol(","));
        ExpectSymbol(")");
        return columns;
    }

    /// <summary>One <c>name TYPE [NOT NULL] [COMMENT '…']</c>, as ALTER TABLE … ADD COLUMN writes it without parentheses.</summary>
    private ColumnDefinition SingleColumnDefinition()
    {
        var name = Identifier();
        var type = ColumnType();
        var nullable = !AcceptWords("NOT", "NULL");
        var comment = AcceptWord("COMMENT") ? StringLiteral() : null;
        return new ColumnDefinition(name, type, nullable, comment);
    }

    /// <summary>A column's type, read token by token to its end and parsed by Spark's DDL rules (<see cref="Resolution.DdlSchema"/>).</summary>
    private DataType ColumnType()
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        while (Current.Kind != SparkTokenKind.End)
        {
            var token = Current;
            if (depth == 0 && (token.IsSymbol(",") || token.IsSymbol(")") || (text.Length > 0 && token.Kind == SparkTokenKind.Word && ColumnClauseWords.Contains(token.Text))))
                break;
            if (token.IsSymbol("<") || token.IsSymbol("("))
                depth++;
            else if (token.IsSymbol(">") || token.IsSymbol(")"))
                depth--;
            else if (token.IsSymbol(">>"))
                depth -= 2;
            if (depth < 0)
                throw Error(null);
            if (text.Length > 0 && token.Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier or SparkTokenKind.Number && char.IsLetterOrDigit(text[^1]))
                text.Append(' ');
            text.Append(token.Kind == SparkTokenKind.QuotedIdentifier ? token.Raw : token.Text);
            Advance();
        }
        if (text.Length == 0)
            throw Error("missing a data type");
        if (text.ToString().ToUpperInvariant() is "CHAR" or "VARCHAR" or "CHARACTER")
            throw new LocalEngineException("DATATYPE_MISSING_SIZE", "42K01",
                $"DataType \"{text.ToString().ToUpperInvariant()}\" requires a length parameter, for example \"{text.ToString().ToUpperInvariant()}\"(10). Please specify the length, or use STRING.",
                new Dictionary<string, string> { ["type"] = "\"" + text.ToString().ToUpperInvariant() + "\"" });
        try
        {
            return Resolution.DdlSchema.Type(text.ToString());
        }
        catch (InvalidOperationException)
        {
            var shown = text.ToString().ToUpperInvariant();
            throw new LocalEngineException("UNSUPPORTED_DATATYPE", "0A000", $"Unsupported data type \"{shown}\".",
                new Dictionary<string, string> { ["typeName"] = "\"" + shown + "\"" });
        }
    }

    // Words that end a column's type and start one of its clauses.
    private static readonly HashSet<string> ColumnClauseWords = new(StringComparer.OrdinalIgnoreCase) { "NOT", "COMMENT", "DEFAULT", "GENERATED", "CONSTRAINT", "PRIMARY" };

    private CreateDatabaseStatement CreateDatabase()
    {
        var ifNotExists = false;
        if (AcceptWord("IF"))
        {
            ExpectWord("NOT");
            ExpectWord("EXISTS");
            ifNotExists = true;
        }
        var name = MultipartName();
        while (true)
        {
            if (AcceptWord("COMMENT"))
                StringLiteral();
            else if (AcceptWord("WITH") && (AcceptWord("DBPROPERTIES") || AcceptWord("PROPERTIES")))
                SkipPropertyList();
            else if (IsWord("LOCATION"))
                throw Unsupported("CREATE DATABASE … LOCATION", "A local database keeps its tables in the engine's DuckDB database; leave LOCATION out.");
            else
                break;
        }
        return new CreateDatabaseStatement(name, ifNotExists);
    }

    private SparkStatement Drop()
    {
        if (AcceptWord("TABLE") || IsWord("VIEW"))
        {
            var isView = AcceptWord("VIEW");
            var ifExists = AcceptWords("IF", "EXISTS");
            var name = MultipartName();
            if (!isView)
                AcceptWord("PURGE");
            return new DropTableStatement(name, isView, ifExists);
        }
        if (AcceptWord("DATABASE") || AcceptWord("SCHEMA") || AcceptWord("NAMESPACE"))
        {
            var ifExists = AcceptWords("IF", "EXISTS");
            var name = MultipartName();
            var cascade = AcceptWord("CASCADE");
            if (!cascade)
                AcceptWord("RESTRICT");
            return new DropDatabaseStatement(name, ifExists, cascade);
        }
        if (Current.Kind == SparkTokenKind.Word && Current.Text.ToUpperInvariant() is "FUNCTION" or "TEMPORARY" or "INDEX" or "MATERIALIZED" or "VARIABLE")
            throw Unsupported("DROP " + Current.Text.ToUpperInvariant(), "The local engine drops tables, views and databases only.");
        throw Error(null);
    }

    private InsertStatement Insert()
    {
        var target = InsertTarget();
        return target with { Query = QueryText() };
    }

    /// <summary>An INSERT after its keyword up to its query: the statement with an empty query, for the caller to fill.</summary>
    private InsertStatement InsertTarget()
    {
        var overwrite = AcceptWord("OVERWRITE");
        if (!overwrite)
            ExpectWord("INTO");
        if (IsWord("LOCAL") || IsWord("DIRECTORY"))
            throw Unsupported("INSERT OVERWRITE DIRECTORY", "Write files with df.write instead.");
        AcceptWord("TABLE");
        var table = MultipartName();
        if (IsWord("PARTITION"))
            throw Unsupported("INSERT … PARTITION (…)", "Local tables have no partitions; insert without a partition spec.");
        if (IsWord("IF") || IsWord("REPLACE"))
            throw Unsupported($"INSERT … {Current.Text.ToUpperInvariant()}", "Insert the rows without it.");
        IReadOnlyList<string>? columns = null;
        var byName = false;
        if (Current.IsSymbol("(") && !PeekAt(1).IsSymbol("(") && !(PeekAt(1).Kind == SparkTokenKind.Word && QueryKeywords.Contains(PeekAt(1).Text)))
            columns = IdentifierList();
        else if (AcceptWords("BY", "NAME"))
            byName = true;
        return new InsertStatement(table, overwrite, columns, byName, "");
    }
}
