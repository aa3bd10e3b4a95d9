using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Spark SQL's <c>USE [NAMESPACE|DATABASE|SCHEMA] name</c>, answered by the service: the local catalog has one
/// database (<c>default</c>, also <c>main</c> or <c>spark_catalog.default</c>), which is always current, so naming it
/// does nothing and any other name is Spark's <c>SCHEMA_NOT_FOUND</c>. It never reaches DuckDB, so a client can't
/// switch its connection to another DuckDB schema or database.
/// </summary>
internal static class UseStatement
{
    private static readonly HashSet<string> NamespaceWords = new(StringComparer.OrdinalIgnoreCase) { "NAMESPACE", "DATABASE", "SCHEMA" };

    /// <summary>Checks the name and returns Spark's empty result.</summary>
    internal static byte[] Run(string text, DuckDb.DuckDbConnection connection)
    {
        var rest = SetStatement.Remainder(text, "USE");
        var firstWord = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (firstWord.Length == 2 && NamespaceWords.Contains(firstWord[0]))
            rest = firstWord[1].Trim();
        if (rest.Length == 0)
            throw new LocalEngineException("PARSE_SYNTAX_ERROR", "42601", "USE needs a database name, e.g. USE default.",
                new Dictionary<string, string> { ["error"] = "end of input", ["hint"] = "" });
        var parts = MultipartIdentifier.Parse(rest);
        var current = parts.Count switch
        {
            1 => LocalCatalog.IsDatabase(parts[0]),
            2 => LocalCatalog.IsCatalog(parts[0]) && LocalCatalog.IsDatabase(parts[1]),
            _ => false,
        };
        if (!current && parts.Count is 1 or 2 && Planning.Catalog.CreatedDatabases.Find(connection, parts[^1]) is not null)
            throw LocalEngineException.Unsupported($"USE of the database `{parts[^1]}`",
                "The current database stays `default`; name the tables of another database as db.t.");
        return current ? CommandRows.Empty() : throw LocalCatalog.SchemaNotFound(rest);
    }
}
