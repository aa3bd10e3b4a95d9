using Spark.Linq.Mapping;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// Turns a row into real columns with one <c>Project</c>: scalars as columns, objects (whole join
/// sides, nested values) as struct columns, named as the materializer looks for them. Used for inline
/// rows (a join's result selector kept as expressions) and for the sides of set operations.
/// </summary>
internal static class InlineRows
{
    /// <summary>
    /// A join's result: <paramref name="row"/> (the result selector) kept inline over <paramref name="relation"/>, or
    /// projected at once when it computes a window function, which Spark evaluates only in a projection.
    /// </summary>
    public static QueryState Result(TranslationContext context, Spark.Connect.Protocol.Relation relation, Func<ValueShape> row)
    {
        var seen = context.WindowSeen;
        context.WindowSeen = false;
        var state = new QueryState(relation, row()) { Inline = true };
        var windowed = context.WindowSeen;
        context.WindowSeen = seen || windowed;
        return windowed ? Project(context, state) : state;
    }

    public static QueryState Materialize(TranslationContext context, QueryState state) => state.Inline ? Project(context, state) : state;

    /// <summary>
    /// The row as explicit columns in member order, whatever it was (a set operation matches columns by
    /// position, so each side states its order); a Project that already outputs exactly those columns is kept.
    /// </summary>
    public static QueryState Explicit(TranslationContext context, QueryState state)
    {
        var (columns, _) = Columns(context, state.Row);
        var names = columns.Select(e => e.Alias.Name[0]);
        if (!state.Inline && state.Relation.Project is { } existing
            && existing.Expressions.Select(e => e.Alias?.Name.Count == 1 ? e.Alias.Name[0] : null).SequenceEqual(names))
            return state;
        return Project(context, state);
    }

    private static QueryState Project(TranslationContext context, QueryState state)
    {
        var (columns, shape) = Columns(context, state.Row);
        var relation = context.Rel.Project(state.Relation, columns);
        return new QueryState(relation, shape) { Ordering = SelectTranslator.Carried(state.Ordering, columns) };
    }

    private static (List<SparkExpression> Columns, ValueShape Shape) Columns(TranslationContext context, ValueShape row)
    {
        if (!row.IsComplex)
            return ([Expr.Alias(row.Reference, Projection.ValueColumn)], ValueShape.Scalar(Expr.Col(Projection.ValueColumn), row.ClrType));
        var columns = new List<SparkExpression>();
        var anonymous = row.ClrType.IsAnonymous();
        var mapping = EntityMapping.For(row.ClrType, context.Naming);
        var members = new List<KeyValuePair<string, ValueShape>>();
        foreach (var name in row.MemberNames)
        {
            if (row.Member(name) is not { } member) continue;
            var column = anonymous ? name : mapping.Members.FirstOrDefault(m => m.Member.Name == name)?.ColumnName ?? name;
            columns.Add(Expr.Alias(InlineShape.StructOf(context, member), column));
            var reference = Expr.Col(column);
            members.Add(new(name, member.IsComplex
                ? ValueShape.Entity(member.ClrType, context.Naming, reference, field => Expr.Extract(reference, field))
                : ValueShape.Scalar(reference, member.ClrType)));
        }
        return (columns, ValueShape.Composite(row.ClrType, Expr.Star(), members));
    }
}
