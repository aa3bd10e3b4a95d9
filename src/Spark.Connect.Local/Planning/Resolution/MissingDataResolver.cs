using Spark.Connect.Local.Planning.Functions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using LiteralKind = Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.na.drop</c> and <c>df.na.fill</c>, as Spark defines them: a filter keeping rows with at least
/// <c>min_non_nulls</c> present values (NaN counts as missing in float and double columns), and a
/// projection that replaces missing values with <c>coalesce</c>.
/// </summary>
internal static class MissingDataResolver
{
    internal static LogicalPlan Drop(RelationResolver resolver, Relation relation)
    {
        var drop = relation.DropNa;
        var child = resolver.Input(drop.Input);
        var columns = ResolvedCalls.ListedColumns(child.Output, drop.Cols, "na.drop");
        // Without min_non_nulls a row needs every listed column present ("any"); PySpark sends 1 for "all".
        var minimum = drop.HasMinNonNulls ? drop.MinNonNulls : columns.Count;
        if (minimum <= 0)
            return new PassThroughPlan(RelationResolver.PlanId(relation), child.Output, child);
        ResolvedExpression? present = null;
        foreach (var column in columns)
        {
            var flag = ResolvedCalls.Call(resolver, "if", IsPresent(resolver, column), ResolvedCalls.Integer(1), ResolvedCalls.Integer(0));
            present = present is null ? flag : ResolvedCalls.Call(resolver, "+", present, flag);
        }
        // No columns to count but a positive minimum: no row qualifies.
        ResolvedExpression condition = present is null
            ? ResolvedCalls.Value(new Literal { Boolean = false })
            : ResolvedCalls.Call(resolver, ">=", present, ResolvedCalls.Integer(minimum));
        return new FilterPlan(RelationResolver.PlanId(relation), child, condition);
    }

    /// <summary>Not null, and for float and double columns also not NaN.</summary>
    private static ResolvedExpression IsPresent(RelationResolver resolver, PlanColumn column)
    {
        var reference = ResolvedCalls.Column(column);
        var notNull = ResolvedCalls.Call(resolver, "isnotnull", reference);
        return SparkTypes.IsFractional(column.Type)
            ? ResolvedCalls.Call(resolver, "and", notNull, ResolvedCalls.Call(resolver, "not", ResolvedCalls.Call(resolver, "isnan", reference)))
            : notNull;
    }

    internal static LogicalPlan Fill(RelationResolver resolver, Relation relation)
    {
        var fill = relation.FillNa;
        var child = resolver.Input(fill.Input);
        if (fill.Values.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "na.fill needs at least one value.");
        if (fill.Values.Count > 1 && fill.Values.Count != fill.Cols.Count)
            throw new LocalEngineException("INVALID_PLAN", "XX000",
                "When na.fill is given more than one value, it needs exactly one column name per value.");
        var fills = fill.Values.Count == 1 ? OneValue(child, fill) : ValuePerColumn(child, fill);
        var items = child.Output.Select(column => fills.TryGetValue(column.Id, out var value)
            ? Filled(resolver, column, value)
            : new NamedExpression(ResolvedCalls.Column(column), column)).ToList();
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    /// <summary>
    /// One value: every listed column (all columns when none are listed) whose type it suits gets it:
    /// numbers fill numeric columns, strings string columns, booleans boolean columns; others are left alone.
    /// </summary>
    private static Dictionary<int, Literal> OneValue(LogicalPlan child, NAFill fill)
    {
        var value = fill.Values[0];
        Func<DataType, bool> suits = value.LiteralTypeCase switch
        {
            LiteralKind.Long or LiteralKind.Integer or LiteralKind.Short or LiteralKind.Byte or LiteralKind.Double or LiteralKind.Float =>
                SparkTypes.IsNumeric,
            LiteralKind.String => t => t.KindCase == DataType.KindOneofCase.String,
            LiteralKind.Boolean => t => t.KindCase == DataType.KindOneofCase.Boolean,
            _ => throw UnsupportedValue(value),
        };
        var listed = ResolvedCalls.ListedColumns(child.Output, fill.Cols, "na.fill");
        return listed.Where(c => suits(c.Type)).DistinctBy(c => c.Id).ToDictionary(c => c.Id, _ => value);
    }

    /// <summary>One value per listed column, cast to that column's type whatever it is (a later entry for the same column wins).</summary>
    private static Dictionary<int, Literal> ValuePerColumn(LogicalPlan child, NAFill fill)
    {
        var fills = new Dictionary<int, Literal>();
        for (var i = 0; i < fill.Cols.Count; i++)
        {
            var value = fill.Values[i];
            if (value.LiteralTypeCase is not (LiteralKind.Long or LiteralKind.Integer or LiteralKind.Double or LiteralKind.Float
                or LiteralKind.String or LiteralKind.Boolean))
                throw UnsupportedValue(value);
            fills[ResolvedCalls.NamedColumn(child.Output, fill.Cols[i], "na.fill").Id] = value;
        }
        return fills;
    }

    /// <summary><c>coalesce(column, value cast to its type)</c>, with NaN treated as null in float and double columns.</summary>
    private static NamedExpression Filled(RelationResolver resolver, PlanColumn column, Literal value)
    {
        ResolvedExpression current = ResolvedCalls.Column(column);
        if (SparkTypes.IsFractional(column.Type))
            current = ResolvedCalls.Call(resolver, "if", ResolvedCalls.Call(resolver, "isnan", current), ResolvedCalls.Null(column.Type), current);
        var replacement = ResolvedCalls.CastTo(ResolvedCalls.Value(value), column.Type);
        var expression = ResolvedCalls.Call(resolver, "coalesce", current, replacement);
        return new NamedExpression(expression, resolver.Context.NewColumn(column.Name, column.Type, nullable: false));
    }

    internal static LocalEngineException UnsupportedValue(Literal value) =>
        new("INVALID_PARAMETER_VALUE", "22023",
            $"Unsupported value type {value.LiteralTypeCase}: missing values can be replaced by integers, doubles, strings or booleans.");
}
