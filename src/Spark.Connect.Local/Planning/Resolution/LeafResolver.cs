using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Rendering;
using Spark.Connect.Local.Planning.Sources;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Relations that read data: tables, files, client data, ranges and user SQL. Their columns' types are
/// the one thing learned from DuckDB, because there the data's own schema is the truth.
/// </summary>
internal static class LeafResolver
{
    internal static LogicalPlan Read(RelationResolver resolver, Relation relation)
    {
        var read = relation.Read;
        if (read.IsStreaming)
            throw LocalEngineException.Unsupported("streaming reads", "Read the data as a batch.");
        switch (read.ReadTypeCase)
        {
            case Spark.Connect.Protocol.Read.ReadTypeOneofCase.NamedTable when read.NamedTable.Options.Count > 0:
                throw LocalEngineException.Unsupported($"the table read option '{read.NamedTable.Options.Keys.Order(StringComparer.Ordinal).First()}'",
                    "Read the table without options.");
            case Spark.Connect.Protocol.Read.ReadTypeOneofCase.NamedTable:
                var parts = Planning.Catalog.LocalCatalog.ToDuckDbParts(MultipartIdentifier.Parse(read.NamedTable.UnparsedIdentifier));
                if (ViewExpansion.Find(resolver.Context.Planning, parts) is { } view)
                    return View(resolver, relation, parts, view);
                var planning = resolver.Context.Planning;
                // A persistent view or external table: its relation planned in place, now (unless it is being expanded already).
                if (Planning.Catalog.CatalogNames.Find(planning, parts) is { } entry && !ViewExpansion.IsExpanding(planning, [entry.Schema, entry.Name]))
                {
                    using (Planning.Catalog.CatalogNames.Within(planning, (entry as Planning.Catalog.PersistentView)?.Database ?? Planning.Catalog.CatalogNames.CurrentDatabase(planning)))
                        return View(resolver, relation, [entry.Schema, entry.Name], entry.Read(planning.Session));
                }
                return TableScan(resolver, relation, Planning.Catalog.CatalogNames.ForScan(planning, parts));
            case Spark.Connect.Protocol.Read.ReadTypeOneofCase.DataSource:
                return Scan(resolver, relation, FileReads.Query(resolver.Context.Planning, read.DataSource), []);
            default:
                throw LocalEngineException.Unsupported($"the read kind '{read.ReadTypeCase}'", "Read a named table or files.");
        }
    }

    /// <summary>
    /// A temporary view: its stored plan, resolved in place (a view is lazy: it sees the data as it is now).
    /// Its columns are qualified by the view's name; DataFrame references can't reach inside it.
    /// </summary>
    private static LogicalPlan View(RelationResolver resolver, Relation relation, IReadOnlyList<string> parts, Relation view)
    {
        LogicalPlan plan;
        using (ViewExpansion.Enter(resolver.Context.Planning, parts))
            plan = resolver.Resolve(view);
        IReadOnlyList<string> qualifier = [parts[^1]];
        return new PassThroughPlan(RelationResolver.PlanId(relation), plan.Output.Select(c => c.WithQualifier(qualifier)).ToList(), plan, Opaque: true);
    }

    /// <summary><c>spark.catalog.*</c>: a query over DuckDB's catalog with Spark's Catalog columns.</summary>
    internal static LogicalPlan Catalog(RelationResolver resolver, Relation relation) =>
        Scan(resolver, relation, Planning.Catalog.CatalogRenderer.Query(resolver.Context.Planning, relation.Catalog), []);

    internal static LogicalPlan Local(RelationResolver resolver, Relation relation)
    {
        if (relation.LocalRelation is { HasSchema: true } schemaOnly && (!schemaOnly.HasData || schemaOnly.Data.IsEmpty))
            return Empty(resolver, relation, schemaOnly.Schema);
        var table = resolver.Context.Planning.Session.LoadLocalRelation(relation.LocalRelation);
        return Scan(resolver, relation, $"SELECT * FROM {SqlIdentifiers.Quote(table)}", []);
    }

    /// <summary>
    /// A LocalRelation with a schema and no rows (PySpark's <c>createDataFrame([], schema)</c>): zero rows of
    /// typed null columns, named and typed by the schema.
    /// </summary>
    private static LogicalPlan Empty(RelationResolver resolver, Relation relation, string schemaText)
    {
        var schema = SchemaText.Parse(schemaText);
        if (schema.Fields.Count == 0)
            throw SchemaText.Invalid(schemaText, "it has no fields");
        var columns = schema.Fields.Select(f => resolver.Context.NewColumn(f.Name, f.DataType, f.Nullable)).ToList();
        var nulls = string.Join(", ", columns.Select(c => $"CAST(NULL AS {DuckDbTypeNames.FromSpark(c.Type)})"));
        return new ScanPlan(RelationResolver.PlanId(relation), columns, $"SELECT {nulls} LIMIT 0");
    }

    /// <summary>Spark's range: one non-null bigint column <c>id</c> from start (inclusive) to end (exclusive) by step.</summary>
    internal static LogicalPlan Range(RelationResolver resolver, Relation relation)
    {
        var range = relation.Range;
        if (range.Step == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A range's step must not be 0.");
        // The bounds are int64 fields of the plan, written as invariant integers: no text from the plan reaches SQL.
        var bounds = string.Join(", ", new[] { range.HasStart ? range.Start : 0, range.End, range.Step }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var id = resolver.Context.NewColumn("id", SparkTypes.Long, nullable: false);
        return new ScanPlan(RelationResolver.PlanId(relation), [id], $"SELECT \"range\" FROM range({bounds})");
    }

    /// <summary>
    /// A user's SQL. A query in Spark SQL (the default dialect) is parsed into the plan a client would send and resolved
    /// as one; other statements, and everything under the DuckDB dialect, pass to DuckDB with their arguments bound, their
    /// columns being what DuckDB says the statement returns.
    /// </summary>
    internal static LogicalPlan Sql(RelationResolver resolver, Relation relation)
    {
        var planning = resolver.Context.Planning;
        if (planning.Session.SqlDialect == SqlDialect.Spark && SqlStatementKind.IsQuery(relation.Sql.Query))
        {
            var plan = Planning.Sql.SparkSqlQuery.Resolve(resolver, relation.Sql);
            return new PassThroughPlan(RelationResolver.PlanId(relation), plan.Output, plan);
        }
        if (StatementRelation.IsStatement(planning.Session, relation.Sql))
            // A statement is carried out by the engine now, as Spark's planner runs a command, never handed to DuckDB.
            return StatementRelation.Resolve(resolver, relation);
        var query = SqlArguments.Bind(relation.Sql, argument => ExpressionSql.Render(resolver.Expressions.Resolve(argument, ResolutionScope.Empty), planning));
        query = TempViewCtes.Prefix(planning, query, view => PlanSql.RenderRoot(resolver.Resolve(view), planning));
        // Only the statement kinds a client may run get past here; nothing of a refused one reaches DuckDB.
        Statements.SqlStatementGuard.Check(planning.Session.Connection, query);
        return new SqlPlan(RelationResolver.PlanId(relation), Columns(resolver, query, []), query);
    }

    /// <summary>A table of DuckDB's catalog; Spark's TABLE_OR_VIEW_NOT_FOUND when DuckDB has no such table.</summary>
    private static LogicalPlan TableScan(RelationResolver resolver, Relation relation, IReadOnlyList<string> parts)
    {
        try
        {
            return Scan(resolver, relation, $"SELECT * FROM {MultipartIdentifier.Quote(parts)}", parts);
        }
        catch (DuckDb.DuckDbException error) when (error.Message.Contains("Catalog Error", StringComparison.Ordinal)
            && error.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            throw Planning.Catalog.LocalCatalog.TableNotFound(string.Join(".", parts));
        }
    }

    private static LogicalPlan Scan(RelationResolver resolver, Relation relation, string query, IReadOnlyList<string> qualifier)
    {
        return new ScanPlan(RelationResolver.PlanId(relation), Columns(resolver, query, qualifier), query);
    }

    /// <summary>The columns a query returns, as DuckDB describes them (prepared, never run), under <paramref name="qualifier"/>.</summary>
    private static List<PlanColumn> Columns(RelationResolver resolver, string query, IReadOnlyList<string> qualifier)
    {
        return resolver.Context.Planning.Describe(query)
            .Select(c => resolver.Context.NewColumn(c.Name, ResolvedTypes.FromDuckDb(c.Name, c.Type), nullable: true, qualifier)).ToList();
    }
}
