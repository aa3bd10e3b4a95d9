using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>CREATE DATABASE|SCHEMA [IF NOT EXISTS] db</c> and <c>DROP DATABASE|SCHEMA [IF EXISTS] db [CASCADE]</c>: a database
/// is a DuckDB schema of the shared database (every session sees it, as Spark's catalog databases), named in lower case
/// as Spark stores it. Tables in it are named <c>db.t</c>; <c>default</c> is always there and can't be dropped.
/// </summary>
internal static class DatabaseExecutor
{
    internal static byte[] Create(LocalSession session, CreateDatabaseStatement create)
    {
        var connection = session.Connection;
        var name = DatabaseName(create.Name).ToLowerInvariant();
        if (LocalCatalog.IsDatabase(name) || CreatedDatabases.Find(connection, name) is not null)
            return create.IfNotExists ? CommandRows.Empty() : throw StatementCatalogErrors.SchemaAlreadyExists(name);
        if (CreatedDatabases.IsReserved(connection, name))
            throw LocalEngineException.Unsupported($"a database named `{name}`",
                "The name is the local engine's own (DuckDB's system schemas and databases, or global_temp); choose another name.");
        WriteStatements.Run(connection, $"CREATE SCHEMA {SqlIdentifiers.Quote(CatalogLookup.CurrentDatabase(connection))}.{SqlIdentifiers.Quote(name)}");
        return CommandRows.Empty();
    }

    internal static byte[] Drop(LocalSession session, DropDatabaseStatement drop)
    {
        var connection = session.Connection;
        var name = DatabaseName(drop.Name);
        if (LocalCatalog.IsDatabase(name))
            throw new LocalEngineException("UNSUPPORTED_FEATURE.DROP_DATABASE", "0A000",
                $"The feature is not supported: Drop the default database `{LocalCatalog.CatalogName}`.`{LocalCatalog.DatabaseName}`.",
                new Dictionary<string, string> { ["database"] = $"`{LocalCatalog.CatalogName}`.`{LocalCatalog.DatabaseName}`" });
        var schema = CreatedDatabases.Find(connection, name);
        if (schema is null)
            return drop.IfExists ? CommandRows.Empty() : throw LocalCatalog.SchemaNotFound(name);
        if (!drop.Cascade && StatementTable.List(connection, schema).Count > 0)
            throw StatementCatalogErrors.SchemaNotEmpty(schema);
        Planning.Catalog.CatalogObjects.Of(connection).RemoveSchema(schema);
        if (string.Equals(session.CurrentDatabase, schema, StringComparison.OrdinalIgnoreCase))
            session.CurrentDatabase = null; // this session's names resolve in default again

        WriteStatements.Run(connection,
            $"DROP SCHEMA {SqlIdentifiers.Quote(CatalogLookup.CurrentDatabase(connection))}.{SqlIdentifiers.Quote(schema)}{(drop.Cascade ? " CASCADE" : "")}");
        return CommandRows.Empty();
    }

    /// <summary>The database part of <c>db</c> or <c>spark_catalog.db</c>.</summary>
    private static string DatabaseName(IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => parts[0],
        2 when LocalCatalog.IsCatalog(parts[0]) => parts[1],
        2 => throw StatementCatalogErrors.CatalogNotFound(parts[0]),
        _ => throw new LocalEngineException("REQUIRES_SINGLE_PART_NAMESPACE", "42K05",
            $"spark_catalog requires a single-part namespace, but got {string.Join(".", parts.Select(p => $"`{p}`"))}.",
            new Dictionary<string, string> { ["sessionCatalog"] = LocalCatalog.CatalogName, ["namespace"] = string.Join(".", parts.Select(p => $"`{p}`")) }),
    };
}
