using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Relations;
using Spark.Connect.Local.Planning.Rendering;

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
            case Spark.Connect.Read.ReadTypeOneofCase.NamedTable when read.NamedTable.Options.Count == 0:
                var parts = MultipartIdentifier.Parse(read.NamedTable.UnparsedIdentifier);
                return Scan(resolver, relation, $"SELECT * FROM {MultipartIdentifier.Quote(parts)}", parts);
            case Spark.Connect.Read.ReadTypeOneofCase.DataSource:
                // The file reader call (format, options, paths) is built by the reader table shared with the
                // single-statement renderer; it names no user columns, so it is taken as it is.
                var source = new RelationRenderer(resolver.Context.Planning).Render(relation);
                return Scan(resolver, relation, $"SELECT * FROM {source.From}", []);
            default:
                throw new NotYetResolvableException($"the read kind '{read.ReadTypeCase}' with options");
        }
    }

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
        return new ScanPlan(RelationRenderer.PlanId(relation), columns, $"SELECT {nulls} LIMIT 0");
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
        return new ScanPlan(RelationRenderer.PlanId(relation), [id], $"SELECT \"range\" FROM range({bounds})");
    }

    /// <summary>A user's SQL with its arguments bound; its columns are what DuckDB says the statement returns.</summary>
    internal static LogicalPlan Sql(RelationResolver resolver, Relation relation)
    {
        var query = SqlArguments.Bind(relation.Sql, argument =>
            ExpressionSql.Render(resolver.Expressions.Resolve(argument, ResolutionScope.Empty), resolver.Context.Planning));
        var columns = resolver.Context.Planning.Describe(query)
            .Select(c => resolver.Context.NewColumn(c.Name, SparkTypes.FromDuckDb(c.Name, c.Type), nullable: true)).ToList();
        return new SqlPlan(RelationResolver.PlanId(relation), columns, query);
    }

    private static LogicalPlan Scan(RelationResolver resolver, Relation relation, string query, IReadOnlyList<string> qualifier)
    {
        var columns = resolver.Context.Planning.Describe(query)
            .Select(c => resolver.Context.NewColumn(c.Name, SparkTypes.FromDuckDb(c.Name, c.Type), nullable: true, qualifier)).ToList();
        return new ScanPlan(RelationResolver.PlanId(relation), columns, query);
    }
}
