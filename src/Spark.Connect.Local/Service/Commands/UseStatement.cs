using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Spark SQL's <c>USE [NAMESPACE|DATABASE|SCHEMA] name</c>, answered by the service: <c>default</c> (also <c>main</c> or
/// <c>spark_catalog.default</c>) or a database made with CREATE DATABASE becomes the session's current database, in which
/// unqualified table names then resolve (<see cref="LocalSession.CurrentDatabase"/>); any other name is Spark's
/// <c>SCHEMA_NOT_FOUND</c>. It never reaches DuckDB, so a client can't switch its connection to another DuckDB schema or database.
/// </summary>
internal static class UseStatement
{
    private static readonly HashSet<string> NamespaceWords = new(StringComparer.OrdinalIgnoreCase) { "NAMESPACE", "DATABASE", "SCHEMA" };

    /// <summary>Checks the name, makes it current and returns Spark's empty result.</summary>
    internal static byte[] Run(string text, LocalSession session)
    {
        var rest = SetStatement.Remainder(text, "USE");
        var firstWord = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (firstWord.Length == 2 && NamespaceWords.Contains(firstWord[0]))
            rest = firstWord[1].Trim();
        if (rest.Length == 0)
            throw new LocalEngineException("PARSE_SYNTAX_ERROR", "42601", "USE needs a database name, e.g. USE default.",
                new Dictionary<string, string> { ["error"] = "end of input", ["hint"] = "" });
        var parts = MultipartIdentifier.Parse(rest);
        var name = parts.Count switch
        {
            1 => parts[0],
            2 when LocalCatalog.IsCatalog(parts[0]) => parts[1],
            _ => null,
        };
        if (name is not null && LocalCatalog.IsDatabase(name))
        {
            session.CurrentDatabase = null;
            return CommandRows.Empty();
        }
        session.CurrentDatabase = (name is null ? null : CreatedDatabases.Find(session.Connection, name)) ?? throw LocalCatalog.SchemaNotFound(rest);
        return CommandRows.Empty();
    }
}
