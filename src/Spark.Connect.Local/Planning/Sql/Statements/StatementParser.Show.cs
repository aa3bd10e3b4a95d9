namespace Spark.Connect.Local.Planning.Sql.Statements;

/// <summary>SHOW, DESCRIBE, EXPLAIN and the cache statements.</summary>
internal sealed partial class StatementParser
{
    private SparkStatement Show()
    {
        if (AcceptWord("TABLES") || IsWord("VIEWS"))
        {
            var views = AcceptWord("VIEWS");
            var database = AcceptWord("FROM") || AcceptWord("IN") ? MultipartName() : null;
            return new ShowTablesStatement(database, OptionalPattern(), views);
        }
        if (AcceptWord("DATABASES") || AcceptWord("SCHEMAS") || AcceptWord("NAMESPACES"))
        {
            if (AcceptWord("FROM") || AcceptWord("IN"))
            {
                var catalog = MultipartName();
                if (catalog.Count != 1 || !Catalog.LocalCatalog.IsCatalog(catalog[0]))
                    throw new LocalEngineException("CATALOG_NOT_FOUND", "42P08",
                        $"The catalog `{string.Join(".", catalog)}` is not found. The local engine has one catalog, `{Catalog.LocalCatalog.CatalogName}`.",
                        new Dictionary<string, string> { ["catalogName"] = $"`{string.Join(".", catalog)}`" });
            }
            return new ShowDatabasesStatement(OptionalPattern());
        }
        if (AcceptWords("CURRENT", "NAMESPACE") || AcceptWords("CURRENT", "DATABASE") || AcceptWords("CURRENT", "SCHEMA"))
            return new ShowCurrentNamespaceStatement();
        if (AcceptWord("CATALOGS"))
            return new ShowCatalogsStatement(OptionalPattern());
        if (IsWord("FUNCTIONS") || (Current.Kind == SparkTokenKind.Word && Current.Text.ToUpperInvariant() is "USER" or "SYSTEM" or "ALL" && PeekAt(1).IsWord("FUNCTIONS")))
            return ShowFunctions();
        if (AcceptWord("COLUMNS"))
        {
            if (!AcceptWord("FROM"))
                ExpectWord("IN");
            var table = MultipartName();
            if (AcceptWord("FROM") || AcceptWord("IN"))
                table = [.. MultipartName(), .. table];
            return new ShowColumnsStatement(table);
        }
        if (IsWord("CREATE"))
            // Spark rebuilds the statement from what its catalog keeps (format, OPTIONS, COMMENT, TBLPROPERTIES); the local
            // catalog keeps none of these for every table, so any text it printed could differ from Spark's.
            throw Unsupported("SHOW CREATE TABLE",
                "The local catalog does not keep a table's format, options, comment or properties; use DESCRIBE TABLE EXTENDED.");
        if (Current.Kind == SparkTokenKind.Word)
            throw Unsupported("SHOW " + Current.Text.ToUpperInvariant(),
                "The local engine answers SHOW TABLES, VIEWS, DATABASES/SCHEMAS, CATALOGS, FUNCTIONS and COLUMNS.");
        throw Error(null);
    }

    private ShowFunctionsStatement ShowFunctions()
    {
        var scope = IsWord("FUNCTIONS") ? "ALL" : Advance().Text.ToUpperInvariant();
        ExpectWord("FUNCTIONS");
        if (AcceptWord("FROM") || AcceptWord("IN"))
            MultipartName();
        var like = AcceptWord("LIKE");
        string? pattern = null;
        if (Current.Kind == SparkTokenKind.String)
            pattern = StringLiteral();
        else if (AtIdentifier)
            pattern = string.Join(".", MultipartName());
        else if (like)
            throw Error("missing a pattern");
        return new ShowFunctionsStatement(scope, pattern);
    }

    private SparkStatement Describe()
    {
        if (AcceptWord("QUERY") || AtQueryStart && !IsWord("TABLE"))
            return new DescribeQueryStatement(QueryText());
        if (AcceptWord("FUNCTION"))
            return DescribeFunction();
        if (Current.Kind == SparkTokenKind.Word && Current.Text.ToUpperInvariant() is "DATABASE" or "SCHEMA" or "NAMESPACE" or "CATALOG")
            throw Unsupported("DESCRIBE " + Current.Text.ToUpperInvariant(), "Use SHOW DATABASES (or spark.catalog) instead.");
        AcceptWord("TABLE");
        var extended = (AcceptWord("EXTENDED") || AcceptWord("FORMATTED")) && AtIdentifier;
        var table = MultipartName();
        if (!AcceptSymbol(";") && Current.Kind != SparkTokenKind.End)
            throw Unsupported("DESCRIBE of a column or partition", "Describe the whole table.");
        return new DescribeTableStatement(table, extended);
    }

    private ExplainStatement Explain()
    {
        var mode = Current.Kind == SparkTokenKind.Word && Current.Text.ToUpperInvariant() is "LOGICAL" or "FORMATTED" or "EXTENDED" or "CODEGEN" or "COST"
            ? Advance().Text.ToUpperInvariant()
            : "SIMPLE";
        if (!AtQueryStart)
            throw Unsupported("EXPLAIN of a statement that is not a query", "Explain a query (SELECT, VALUES, WITH, TABLE).");
        return new ExplainStatement(QueryText(), mode);
    }

    private CacheStatement Cache()
    {
        var keyword = Advance().Text.ToUpperInvariant();
        switch (keyword)
        {
            case "CLEAR":
                ExpectWord("CACHE");
                return new CacheStatement(CacheAction.ClearAll, null, false, null);
            case "REFRESH":
                if (!AcceptWord("TABLE"))
                    throw Unsupported("REFRESH of a path or function", "Only REFRESH TABLE is answered; the local engine caches no files.");
                return new CacheStatement(CacheAction.Refresh, MultipartName(), false, null);
            case "UNCACHE":
                ExpectWord("TABLE");
                var ifExists = AcceptWords("IF", "EXISTS");
                return new CacheStatement(CacheAction.Uncache, MultipartName(), ifExists, null);
            default:
                AcceptWord("LAZY");
                ExpectWord("TABLE");
                var table = MultipartName();
                if (AcceptWord("OPTIONS"))
                    SkipPropertyList();
                AcceptWord("AS");
                var query = Current.Kind == SparkTokenKind.End || Current.IsSymbol(";") ? null : QueryText();
                return new CacheStatement(CacheAction.Cache, table, false, query);
        }
    }
}
