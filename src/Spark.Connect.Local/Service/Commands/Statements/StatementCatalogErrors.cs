using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>The catalog errors of Spark SQL's statements, with Spark's classes, SQLSTATEs and parameters.</summary>
internal static class StatementCatalogErrors
{
    internal static LocalEngineException TableNotFound(IReadOnlyList<string> name) => new("TABLE_OR_VIEW_NOT_FOUND", "42P01",
        $"The table or view {Quoted(name)} cannot be found. Verify the spelling and the database, or create it first.",
        new Dictionary<string, string> { ["relationName"] = Quoted(name) });

    internal static LocalEngineException AlreadyExists(StatementTable table) => new("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
        $"Cannot create table or view {table.Display} because it already exists. Choose a different name, drop the existing one, or add IF NOT EXISTS.",
        new Dictionary<string, string> { ["relationName"] = table.Display });

    internal static LocalEngineException CannotReplaceMissing(StatementTable table) => new("CANNOT_REPLACE_MISSING_TABLE", "42P01",
        $"Table or view {table.Display} cannot be replaced as it does not exist. Use CREATE OR REPLACE TABLE to create the table.",
        new Dictionary<string, string> { ["tableName"] = table.Display });

    /// <summary>DROP TABLE of a view, or DROP VIEW of a table.</summary>
    internal static LocalEngineException WrongCommand(string operation, StatementTable table, string foundType)
    {
        var foundView = foundType == "VIEW";
        return new("WRONG_COMMAND_FOR_OBJECT_TYPE", "42809",
            $"The operation {operation} requires a {(foundView ? "EXTERNAL or MANAGED" : "VIEW")}. But {table.Display} is a {foundType}. Use {(foundView ? "DROP VIEW" : "DROP TABLE")} instead.",
            new Dictionary<string, string>
            {
                ["operation"] = operation, ["requiredType"] = foundView ? "EXTERNAL or MANAGED" : "VIEW", ["objectName"] = table.Display,
                ["foundType"] = foundType, ["alternative"] = foundView ? "DROP VIEW" : "DROP TABLE",
            });
    }

    /// <summary>A table statement aimed at a view.</summary>
    internal static LocalEngineException ViewNotTable(string view, string operation) => new("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809",
        $"'{operation}' expects a table but {view} is a view. Use a table instead.",
        new Dictionary<string, string> { ["viewName"] = view, ["operation"] = operation });

    internal static LocalEngineException SchemaAlreadyExists(string name) => new("SCHEMA_ALREADY_EXISTS", "42P06",
        $"Cannot create schema {CreatedDatabases.Display(name)} because it already exists. Choose a different name, drop the existing schema, or add the IF NOT EXISTS clause.",
        new Dictionary<string, string> { ["schemaName"] = CreatedDatabases.Display(name) });

    internal static LocalEngineException SchemaNotEmpty(string name) => new("SCHEMA_NOT_EMPTY", "2BP01",
        $"Cannot drop a schema {CreatedDatabases.Display(name)} because it contains objects. Use DROP SCHEMA … CASCADE to drop the schema and all its objects.",
        new Dictionary<string, string> { ["schemaName"] = CreatedDatabases.Display(name) });

    internal static LocalEngineException CatalogNotFound(string name) => new("CATALOG_NOT_FOUND", "42P08",
        $"The catalog `{name}` is not found. The local engine has one catalog, `spark_catalog`.",
        new Dictionary<string, string> { ["catalogName"] = $"`{name}`" });

    /// <summary>A column list naming one column twice (CREATE TABLE, INSERT (cols), a CTAS query's output).</summary>
    internal static LocalEngineException DuplicateColumn(string column) => new("COLUMN_ALREADY_EXISTS", "42711",
        $"The column `{column}` already exists. Choose another name or rename the existing column.",
        new Dictionary<string, string> { ["columnName"] = $"`{column}`" });

    private static string Quoted(IReadOnlyList<string> name) => string.Join(".", name.Select(p => $"`{p.Replace("`", "``", StringComparison.Ordinal)}`"));
}
