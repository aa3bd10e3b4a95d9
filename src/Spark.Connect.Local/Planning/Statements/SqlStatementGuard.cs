using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning.Statements;

/// <summary>
/// The statements a client's SQL (the <c>SQL</c> relation, <c>spark.sql</c>) may run on the shared DuckDB database:
/// an allow-list, so nothing DuckDB adds later slips through. A statement passes when three readings agree:
/// <list type="number">
/// <item>its keywords (<see cref="SqlStatementKind"/>) name an allowed kind: queries, EXPLAIN of a query,
/// DESCRIBE/SHOW, CREATE/DROP/ALTER of a TABLE or VIEW, INSERT, UPDATE, DELETE, MERGE, TRUNCATE, COMMENT;</item>
/// <item>it calls none of DuckDB's functions that act on the whole database (<see cref="DeniedFunctions"/>);</item>
/// <item>DuckDB's parser finds exactly one statement, and preparing it (binding, never running) gives the
/// DuckDB statement type that kind must have — PRAGMA, for one, is rewritten into a SELECT by DuckDB's
/// parser, which is why the keywords are read first.</item>
/// </list>
/// Nothing reaches DuckDB before the first two checks pass, so DuckDB never even parses a refused statement.
/// SET, RESET and USE are session commands the service answers itself (<c>SqlCommand</c>); they never reach DuckDB.
/// This guard is the DuckDB dialect's (<see cref="SqlDialect.DuckDb"/>): in Spark SQL, the default, statements are parsed by
/// <see cref="Sql.Statements.StatementParser"/> and carried out by the service, and no statement text reaches DuckDB.
/// </summary>
internal static class SqlStatementGuard
{
    // What DuckDB must report for each allowed kind.
    private static readonly Dictionary<StatementKind, DuckDbStatementType> Expected = new()
    {
        [StatementKind.Query] = DuckDbStatementType.Select,
        [StatementKind.Describe] = DuckDbStatementType.Select,
        [StatementKind.Show] = DuckDbStatementType.Select,
        [StatementKind.Explain] = DuckDbStatementType.Explain,
        [StatementKind.Create] = DuckDbStatementType.Create,
        [StatementKind.Insert] = DuckDbStatementType.Insert,
        [StatementKind.Update] = DuckDbStatementType.Update,
        [StatementKind.Delete] = DuckDbStatementType.Delete,
        [StatementKind.Truncate] = DuckDbStatementType.Delete,
        [StatementKind.Merge] = DuckDbStatementType.MergeInto,
        [StatementKind.Drop] = DuckDbStatementType.Drop,
        [StatementKind.Alter] = DuckDbStatementType.Alter,
        [StatementKind.Comment] = DuckDbStatementType.Alter,
    };

    // The objects CREATE, DROP, ALTER and COMMENT may name: the catalog's tables and views (COMMENT ON COLUMN too).
    private static readonly HashSet<string> CatalogObjects = new(StringComparer.Ordinal) { "TABLE", "VIEW" };

    /// <summary>
    /// Checks <paramref name="sql"/> (with its arguments already bound as placeholders) on <paramref name="connection"/>
    /// and returns its kind; a refused statement raises <c>INSUFFICIENT_PERMISSIONS</c>, more than one statement
    /// <c>PARSE_SYNTAX_ERROR</c>, and a statement DuckDB can't bind the same <see cref="DuckDbException"/> running it would.
    /// </summary>
    internal static StatementKind Check(DuckDbConnection connection, string sql)
    {
        var tokens = SqlTokens.Read(sql);
        if (tokens.Unterminated)
            throw StatementErrors.Syntax("The statement ends inside a string, quoted identifier or comment; close it.");
        if (tokens.Items.Count == 0)
            throw StatementErrors.Syntax("The SQL text holds no statement.");
        var shape = SqlStatementKind.Read(tokens.Items);
        CheckKind(shape);
        DeniedFunctions.Check(tokens.Items);
        using var statements = Extract(connection, sql);
        if (statements.Count != 1)
            throw statements.Count == 0
                ? StatementErrors.Syntax("The SQL text holds no statement.")
                : StatementErrors.Syntax($"spark.sql runs one statement, and DuckDB reads this text as {statements.Count} (statements separated by ';', " +
                    "or a PIVOT without an IN list, which DuckDB runs as several); send one statement at a time.");
        using var prepared = statements.Prepare(0);
        var type = prepared.StatementType;
        if (type != Expected[shape.Kind])
            throw StatementErrors.Refused(Describe(shape), $"DuckDB reads it as a {type} statement, which clients may not run");
        return shape.Kind;
    }

    /// <summary>DuckDB's statement split; SQL nested past what its parser reads is the planner's too-complex error.</summary>
    private static DuckDbExtractedStatements Extract(DuckDbConnection connection, string sql)
    {
        try
        {
            return connection.ExtractStatements(sql);
        }
        catch (DuckDbException error) when (PlanComplexity.FromDuckDb(error) is { } tooComplex)
        {
            throw tooComplex;
        }
    }

    private static void CheckKind(StatementShape shape)
    {
        switch (shape.Kind)
        {
            case StatementKind.Set or StatementKind.Reset or StatementKind.Use:
                throw StatementErrors.Refused(shape.Keyword.ToUpperInvariant(),
                    "it is a session command, answered by spark.sql (a SqlCommand), not part of a query plan");
            case StatementKind.Explain when shape.Explained != StatementKind.Query:
                throw StatementErrors.Refused("EXPLAIN of anything but a query", "EXPLAIN ANALYZE would run it");
            case StatementKind.Create or StatementKind.Drop or StatementKind.Alter or StatementKind.Comment
                when !CatalogObjects.Contains(shape.Object) && !(shape.Kind == StatementKind.Comment && shape.Object == "COLUMN"):
                throw StatementErrors.Refused(Describe(shape), ObjectReason(shape.Object));
            case StatementKind.Other:
                throw StatementErrors.Refused(Describe(shape), OtherReason(shape.Keyword.ToUpperInvariant()));
        }
    }

    private static string Describe(StatementShape shape) =>
        shape.Keyword.Length == 0 ? "this statement"
            : shape.Object.Length > 0 ? $"{shape.Keyword.ToUpperInvariant()} {shape.Object}" : shape.Keyword.ToUpperInvariant();

    private static string ObjectReason(string kind) => kind switch
    {
        "MACRO" or "FUNCTION" => "functions are the engine's own: a client can neither shadow a built-in function nor add one that other sessions would see (Spark's temporary functions are not supported)",
        "SECRET" => "secrets would be kept by the server and used on behalf of every session",
        "SCHEMA" or "DATABASE" => "databases are created with Spark SQL's CREATE DATABASE (the default SqlDialect); create tables and views in `default` here",
        _ => "only tables and views can be created, altered or dropped in the local catalog",
    };

    private static string OtherReason(string keyword) => keyword switch
    {
        "ATTACH" or "DETACH" => "a database attached on the server would be visible to every session",
        "COPY" or "EXPORT" or "IMPORT" => "it reads or writes server files directly; use spark.read and df.write, which are limited to LocalSparkServerOptions.DataDirectories",
        "PRAGMA" => "pragmas read or change DuckDB's settings, which every session shares",
        "INSTALL" or "LOAD" => "extensions are loaded into the server for every session",
        "CALL" or "CHECKPOINT" or "FORCE" or "VACUUM" or "ANALYZE" => "it runs a DuckDB procedure that acts on the whole database",
        "BEGIN" or "START" or "COMMIT" or "END" or "ROLLBACK" or "ABORT" => "Spark SQL has no transactions; each statement commits on its own",
        "PREPARE" or "EXECUTE" or "DEALLOCATE" => "pass values as spark.sql arguments instead",
        _ => "it is not one of the statements the local engine runs for clients (queries, DESCRIBE/SHOW/EXPLAIN, and DDL/DML on tables and views)",
    };
}
