using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.to(schema)</c>: the schema's fields in its order, each taken from the input column of that name
/// (case-insensitive) and cast to the field's type where Spark's store assignment allows it; input columns
/// the schema does not name are dropped.
/// </summary>
internal static class ToSchemaResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var toSchema = relation.ToSchema;
        var child = resolver.Input(toSchema.Input);
        if (toSchema.Schema is not { KindCase: Kind.Struct } schema)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "df.to needs a struct schema.");
        var items = schema.Struct.Fields.Select(field => Item(resolver, child, field)).ToList();
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    private static NamedExpression Item(RelationResolver resolver, LogicalPlan child, DataType.Types.StructField field)
    {
        var matches = child.Output.Where(c => string.Equals(c.Name, field.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
            throw ColumnLookup.Unresolved([field.Name], child.Output);
        var name = ColumnLookup.Quote([field.Name]);
        if (matches.Count > 1)
            throw new LocalEngineException("AMBIGUOUS_COLUMN_OR_FIELD", "42702", $"Column or field {name} is ambiguous and has {matches.Count} matches.",
                new Dictionary<string, string> { ["name"] = name, ["n"] = matches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var column = matches[0];
        if (column.Nullable && !field.Nullable)
            throw new LocalEngineException("NULLABLE_COLUMN_OR_FIELD", "42000", $"Column or field {name} is nullable while it's required to be non-nullable.",
                new Dictionary<string, string> { ["name"] = name });
        if (column.Name == field.Name && column.Type.Equals(field.DataType) && column.Nullable == field.Nullable)
            return new NamedExpression(ResolvedCalls.Column(column), column);
        if (!column.Type.Equals(field.DataType) && !CanStoreAssign(column.Type, field.DataType))
            throw new LocalEngineException("INVALID_COLUMN_OR_FIELD_DATA_TYPE", "42000",
                $"Column or field {name} is of type \"{Upper(column.Type)}\" while it's required to be \"{Upper(field.DataType)}\".",
                new Dictionary<string, string> { ["name"] = name, ["type"] = Upper(column.Type), ["expectedType"] = Upper(field.DataType) });
        var value = ResolvedCalls.CastTo(ResolvedCalls.Column(column), field.DataType);
        return new NamedExpression(value, resolver.Context.NewColumn(field.Name, field.DataType, field.Nullable));
    }

    /// <summary>
    /// Spark's ANSI store assignment for flat types: numbers to numbers, anything atomic to string,
    /// dates and timestamps to each other, null to anything. Nested types must match exactly.
    /// </summary>
    private static bool CanStoreAssign(DataType from, DataType to)
    {
        if (from.KindCase == Kind.Null)
            return true;
        if (from.KindCase is Kind.Array or Kind.Map or Kind.Struct || to.KindCase is Kind.Array or Kind.Map or Kind.Struct)
            return false;
        if (SparkTypes.IsNumeric(from) && SparkTypes.IsNumeric(to))
            return true;
        if (to.KindCase == Kind.String)
            return true;
        return from.KindCase is Kind.Date or Kind.Timestamp or Kind.TimestampNtz && to.KindCase is Kind.Date or Kind.Timestamp or Kind.TimestampNtz;
    }

    private static string Upper(DataType type) => SparkTypes.Name(type).ToUpperInvariant();
}
