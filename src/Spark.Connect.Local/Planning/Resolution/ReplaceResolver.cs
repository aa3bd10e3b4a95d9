using Spark.Connect.Local.Planning.Functions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using LiteralKind = Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.na.replace</c>: in the listed columns (all when none are listed) of the kind the first old value
/// names (numbers: every numeric column; strings; booleans), each value equal to an old value becomes the
/// new value cast to the column's type. Numbers compare as doubles, as Spark converts them.
/// </summary>
internal static class ReplaceResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var replace = relation.Replace;
        var child = resolver.Input(replace.Input);
        var listed = ResolvedCalls.ListedColumns(child.Output, replace.Cols, "na.replace");
        if (replace.Replacements.Count == 0 || listed.Count == 0)
            return new PassThroughPlan(RelationResolver.PlanId(relation), child.Output, child);
        Func<DataType, bool> suits = replace.Replacements[0].OldValue.LiteralTypeCase switch
        {
            var kind when IsNumber(kind) => SparkTypes.IsNumeric,
            LiteralKind.Boolean => t => t.KindCase == DataType.KindOneofCase.Boolean,
            LiteralKind.String => t => t.KindCase == DataType.KindOneofCase.String,
            _ => throw MissingDataResolver.UnsupportedValue(replace.Replacements[0].OldValue),
        };
        var pairs = Pairs(replace);
        var targets = listed.Where(c => suits(c.Type)).Select(c => c.Id).ToHashSet();
        var items = child.Output.Select(column => targets.Contains(column.Id)
            ? Replaced(resolver, column, pairs)
            : new NamedExpression(ResolvedCalls.Column(column), column)).ToList();
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    private static bool IsNumber(LiteralKind kind) =>
        kind is LiteralKind.Long or LiteralKind.Integer or LiteralKind.Short or LiteralKind.Byte or LiteralKind.Double or LiteralKind.Float;

    /// <summary>
    /// The old → new pairs as Spark converts them: numbers become doubles unless the new value is a string
    /// or boolean; a repeated old value keeps its last new value.
    /// </summary>
    private static List<(Literal Old, Literal New)> Pairs(NAReplace replace)
    {
        var pairs = new List<(Literal Old, Literal New)>();
        foreach (var replacement in replace.Replacements)
        {
            var (old, @new) = (replacement.OldValue, replacement.NewValue);
            var keep = @new.LiteralTypeCase is LiteralKind.String or LiteralKind.Boolean
                || (@new.LiteralTypeCase == LiteralKind.Null && old.LiteralTypeCase is LiteralKind.String or LiteralKind.Boolean);
            if (!keep)
            {
                old = AsDouble(old);
                @new = @new.LiteralTypeCase == LiteralKind.Null ? @new : AsDouble(@new);
            }
            pairs.RemoveAll(p => p.Old.Equals(old));
            pairs.Add((old, @new));
        }
        return pairs;
    }

    private static Literal AsDouble(Literal value) => value.LiteralTypeCase switch
    {
        LiteralKind.Double => value,
        LiteralKind.Float => new Literal { Double = value.Float },
        LiteralKind.Long => new Literal { Double = value.Long },
        LiteralKind.Integer => new Literal { Double = value.Integer },
        LiteralKind.Short => new Literal { Double = value.Short },
        LiteralKind.Byte => new Literal { Double = value.Byte },
        _ => throw MissingDataResolver.UnsupportedValue(value),
    };

    /// <summary><c>CASE WHEN col = old1 THEN new1 … ELSE col END</c> under the column's name.</summary>
    private static NamedExpression Replaced(RelationResolver resolver, PlanColumn column, List<(Literal Old, Literal New)> pairs)
    {
        var reference = ResolvedCalls.Column(column);
        var arguments = new List<ResolvedExpression>();
        foreach (var (old, @new) in pairs)
        {
            arguments.Add(ResolvedCalls.Call(resolver, "==", reference, ResolvedCalls.Value(old)));
            arguments.Add(@new.LiteralTypeCase == LiteralKind.Null
                ? ResolvedCalls.Null(column.Type)
                : ResolvedCalls.CastTo(ResolvedCalls.Value(@new), column.Type));
        }
        arguments.Add(reference);
        var nullable = column.Nullable || pairs.Any(p => p.New.LiteralTypeCase == LiteralKind.Null);
        return new NamedExpression(ResolvedCalls.Call(resolver, "when", [.. arguments]), resolver.Context.NewColumn(column.Name, column.Type, nullable));
    }
}
