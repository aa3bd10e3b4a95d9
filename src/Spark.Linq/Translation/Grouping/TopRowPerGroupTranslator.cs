using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// The top row of each group, as EF Core translates it: <c>GroupBy(x =&gt; x.K).Select(g =&gt; g.OrderByDescending(x =&gt; x.D).First())</c>
/// (also <c>FirstOrDefault</c>, <c>ThenBy</c> keys, members of that row, <c>g.Key</c>, and a whole-row <c>g.MaxBy(x =&gt; x.D)</c> /
/// <c>g.MinBy(…)</c>) → <c>row_number() OVER (PARTITION BY K ORDER BY D DESC) = 1</c> over the rows (<see cref="FirstRowPerKey"/>),
/// then the Select over that row. No aggregate is involved, so the row's members need no aggregate each.
/// Rows that tie on every ordering key are picked by Spark (LINQ takes the first in source order).
/// </summary>
internal static class TopRowPerGroupTranslator
{
    /// <summary>The translated query, or null when <paramref name="select"/> is not a top row per group (it then translates as usual).</summary>
    public static QueryState? TryTranslate(TranslationContext context, MethodCallExpression select)
    {
        if (select.Method.Name != nameof(Queryable.Select) || select.Arguments[0] is not MethodCallExpression { Method.Name: nameof(Queryable.GroupBy), Arguments.Count: 2 } groupBy
            || !QueryTranslator.IsQueryable(groupBy) || QueryTranslator.Lambda(select.Arguments[1]) is not { Parameters: [var group] } selector)
            return null;
        var keySelector = QueryTranslator.Lambda(groupBy.Arguments[1]);
        if (TopRowFinder.Find(selector.Body, group) is not { } top) return null;

        var source = QueryTranslator.TranslateSequence(context, groupBy.Arguments[0]);
        source = Joins.InlineRows.Materialize(context, source);
        context.Operator = nameof(Queryable.GroupBy);
        var row = Expression.Parameter(keySelector.Parameters[0].Type, keySelector.Parameters[0].Name);
        var keys = new List<SparkExpression>();
        using (context.Bind(keySelector.Parameters[0], source.Row))
        {
            if (ProjectionMembers.TryGet(context, keySelector.Body) is { } members)
                keys.AddRange(members.Select(m => ScalarTranslator.Translate(context, m.Value).Expression));
            else
                keys.Add(ScalarTranslator.Translate(context, keySelector.Body).Expression);
        }
        var order = new List<SortOrder>();
        foreach (var (key, descending, nullsFirst) in top.Keys)
        {
            using (context.Bind(key.Parameters[0], source.Row))
                order.Add(Expr.Sort(ScalarTranslator.Translate(context, key.Body).Expression, descending, nullsFirst));
        }
        var kept = FirstRowPerKey.Keep(context, source.Relation, keys, order);

        context.Operator = nameof(Queryable.Select);
        var body = new TopRowRewriter(group, top.Call, row, keySelector).Visit(selector.Body)!;
        if (body == row) return new QueryState(kept, source.Row);
        using var bound = context.Bind(row, source.Row);
        var projection = Projection.Build(context, body);
        return new QueryState(context.Rel.Project(kept, projection.Columns), projection.Row);
    }

    /// <summary>Puts the row in place of the top-row call and the key's own expression in place of <c>g.Key</c>.</summary>
    private sealed class TopRowRewriter(ParameterExpression group, MethodCallExpression top, ParameterExpression row, LambdaExpression keySelector) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) =>
            node is not null && TopRowFinder.SameCall(node, top) ? row : base.Visit(node);

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == group && node.Member.Name == nameof(IGrouping<int, int>.Key))
                return new ParameterReplacer(keySelector.Parameters[0], row).Visit(keySelector.Body)!;
            var visited = (MemberExpression)base.VisitMember(node);
            // g.Key.A where the key is new { A = …, … }: the member's own expression.
            if (visited.Expression is NewExpression { Members: { } members } created)
            {
                var index = members.IndexOf(visited.Member);
                if (index < 0) index = members.ToList().FindIndex(m => m.Name == visited.Member.Name);
                if (index >= 0) return created.Arguments[index];
            }
            return visited;
        }
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
