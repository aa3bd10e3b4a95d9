using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// What <c>*</c> stands for: every input column; <c>df["*"]</c> (a plan id) the columns of that DataFrame
/// still in the input; <c>t.*</c> the columns qualified by <c>t</c>, or the fields of a struct column <c>t</c>.
/// Columns come back as <see cref="ColumnReference"/>s, struct fields as field extractions.
/// </summary>
internal static class StarExpansion
{
    internal static IReadOnlyList<ResolvedExpression> Expand(Expression.Types.UnresolvedStar star, ResolutionScope scope, Expression source) =>
        Columns(star, scope) is { } columns
            ? columns.Select(c => (ResolvedExpression)new ColumnReference(c, source)).ToList()
            : StructFields(star, scope, source);

    private static IReadOnlyList<PlanColumn>? Columns(Expression.Types.UnresolvedStar star, ResolutionScope scope)
    {
        if (star.HasPlanId)
        {
            var node = scope.FindPlan(star.PlanId, "'*'") ?? throw new LocalEngineException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704",
                $"Cannot resolve '*' of the DataFrame with plan id {star.PlanId}: it is not an input of this operation.");
            var ids = node.Output.Select(c => c.Id).ToHashSet();
            return scope.Columns.Where(c => ids.Contains(c.Id)).ToList();
        }
        if (!star.HasUnparsedTarget)
            return scope.Columns;
        var target = star.UnparsedTarget;
        if (!target.EndsWith(".*", StringComparison.Ordinal))
            throw new LocalEngineException("INVALID_USAGE_OF_STAR_OR_REGEX", "42000", $"'{target}' is not a star target; write 'name.*'.");
        var parts = MultipartIdentifier.Parse(target[..^2]);
        bool Qualified(PlanColumn c) => c.Qualifier.Count >= parts.Count
            && parts.Select((p, i) => string.Equals(p, c.Qualifier[c.Qualifier.Count - parts.Count + i], StringComparison.OrdinalIgnoreCase)).All(x => x);
        var qualified = scope.Columns.Where(Qualified).ToList();
        var hidden = scope.Hidden.Select(h => h.Column).Where(Qualified).Where(h => qualified.All(c => c.Id != h.Id)).DistinctBy(h => h.Id).ToList();
        if (hidden.Count == 0)
            return qualified.Count > 0 ? qualified : OuterLateralColumns(scope, parts, Qualified);
        // t.* after a USING join is all of t's columns in t's order, its key included: the key columns were made with the
        // side's other columns, so their ids keep that order.
        foreach (var column in hidden)
            HiddenColumn.MarkUsed(scope.Hidden, column);
        return [.. qualified.Concat(hidden).OrderBy(c => c.Id)];
    }

    /// <summary>
    /// <c>t.*</c> inside a LATERAL subquery naming a relation joined to its left: that relation's columns (outer references).
    /// Only the lateral's immediate left is searched, as Spark does; a struct column of the subquery's own input wins.
    /// </summary>
    private static IReadOnlyList<PlanColumn>? OuterLateralColumns(ResolutionScope scope, IReadOnlyList<string> parts, Func<PlanColumn, bool> qualified)
    {
        if (scope.Outer is not { LateralLeft: true } outer || ColumnLookup.TryFind(scope.Columns, parts) is not null)
            return null;
        var columns = outer.Columns.Where(qualified).ToList();
        return columns.Count > 0 ? columns : null;
    }

    /// <summary><c>s.*</c> for a struct column <c>s</c>: one field extraction per field, named after the field.</summary>
    private static IReadOnlyList<ResolvedExpression> StructFields(Expression.Types.UnresolvedStar star, ResolutionScope scope, Expression source)
    {
        var parts = MultipartIdentifier.Parse(star.UnparsedTarget[..^2]);
        var match = ColumnLookup.TryFind(scope.Columns, parts) ?? throw new LocalEngineException("CANNOT_RESOLVE_STAR_EXPAND", "42704",
            $"Cannot resolve {ColumnLookup.Quote(parts)}.* given input columns {string.Join(", ", scope.Columns.Select(c => c.Display))}.",
            new Dictionary<string, string> { ["targetString"] = ColumnLookup.Quote(parts), ["columns"] = string.Join(", ", scope.Columns.Select(c => c.Display)) });
        ResolvedExpression value = new ColumnReference(match.Column, source);
        foreach (var field in match.Fields.Append(null))
        {
            if (value.Type.KindCase != DataType.KindOneofCase.Struct)
                throw new LocalEngineException("INVALID_USAGE_OF_STAR_OR_REGEX", "42000",
                    $"{ColumnLookup.Quote(parts)}.* needs a struct column or a table alias, but {ColumnLookup.Quote(parts)} is {SparkTypes.Name(value.Type)}.");
            if (field is null)
                break;
            var type = value.Type.Struct.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase))
                ?? throw new LocalEngineException("FIELD_NOT_FOUND", "42704", $"The struct has no field named `{field}`.");
            value = new ExtractExpression(value, ExtractionKind.StructField, type.Name, null, type.DataType, value.Nullable || type.Nullable, source);
        }
        return value.Type.Struct.Fields.Select(f => (ResolvedExpression)new ExtractExpression(value, ExtractionKind.StructField, f.Name, null,
            f.DataType, value.Nullable || f.Nullable, source)).ToList();
    }
}
