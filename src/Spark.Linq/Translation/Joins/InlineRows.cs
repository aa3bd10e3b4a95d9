using Spark.Linq.Mapping;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// Turns an inline row (a join's result selector kept as expressions) into real columns with one
/// <c>Project</c>: scalars as columns, objects (whole join sides, nested values) as struct columns,
/// named as the materializer looks for them.
/// </summary>
internal static class InlineRows
{
    public static QueryState Materialize(TranslationContext context, QueryState state)
    {
        if (!state.Inline) return state;
        var row = state.Row;
        var columns = new List<SparkExpression>();
        ValueShape shape;
        if (!row.IsComplex)
        {
            columns.Add(Expr.Alias(row.Reference, Projection.ValueColumn));
            shape = ValueShape.Scalar(Expr.Col(Projection.ValueColumn), row.ClrType);
        }
        else
        {
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
            shape = ValueShape.Composite(row.ClrType, Expr.Star(), members);
        }
        var relation = context.Rel.Project(state.Relation, columns);
        return new QueryState(relation, shape) { Ordering = SelectTranslator.Carried(state.Ordering, columns) };
    }
}
