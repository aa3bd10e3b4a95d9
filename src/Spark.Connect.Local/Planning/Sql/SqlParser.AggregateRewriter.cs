using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Rewrites what an aggregate query computes after grouping (select items, HAVING, ORDER BY) over the aggregate's
/// output, as Spark's analyzer does: a grouping expression becomes its grouping column, an aggregate call a hidden
/// aggregate column (each computed once), and in HAVING and ORDER BY a select alias or a select item's expression the
/// select item. A select item that still reads input columns after that is computed inside the aggregate instead, so
/// the aggregate's own check reports MISSING_AGGREGATION as Spark does.
/// </summary>
internal sealed partial class SqlParser
{
    // Names of the columns an aggregate query computes for itself; no user column is expected to start so.
    private const string HiddenPrefix = "__spark_sql_";

    private sealed class AggregateRewriter(List<Expression> groupings, Aggregate aggregate, Action<long, Func<Expression, string>>? claimOuterAggregates = null)
    {
        private readonly List<Expression> _aggregates = [];
        private List<Expression> _values = [];
        private List<Expression> _items = [];

        /// <summary>The select item at <paramref name="index"/>, over the aggregate's output.</summary>
        internal Expression SelectItem(Expression value, int index)
        {
            var rewritten = Replace(value);
            if (!ReadsColumns(rewritten))
                return rewritten;
            var name = SelectSpecification.Hidden("ungrouped", index);
            aggregate.AggregateExpressions.Add(Alias(value.Clone(), [name]));
            return Attribute(name);
        }

        /// <summary>The select items, so HAVING and ORDER BY can name them.</summary>
        internal void SelectItems(List<Expression> values, List<Expression> items)
        {
            _values = values;
            _items = items;
        }

        /// <summary>
        /// A HAVING condition (<paramref name="having"/>) or ORDER BY key: a select item's expression is that item; a one-part
        /// name is the select alias of that name, except that HAVING prefers a grouping column of the name (Spark resolves
        /// HAVING against the aggregate's input first, ORDER BY against the select list first); the rest as a select item is.
        /// </summary>
        internal Expression Rewrite(Expression expression, bool having)
        {
            PlanComplexity.EnsureStack();
            for (var i = 0; i < _values.Count; i++)
            {
                if (expression.ExprTypeCase != Expression.ExprTypeOneofCase.Literal && _values[i].Equals(expression))
                    return Attribute(SelectSpecification.Hidden("select", i));
            }
            var group = GroupOf(expression);
            if (group >= 0 && having)
                return Attribute(SelectSpecification.Hidden("group", group));
            if (expression.UnresolvedAttribute is { HasPlanId: false } attribute
                && MultipartIdentifier.Parse(attribute.UnparsedIdentifier) is [var single]
                && _items.FindIndex(i => i.Alias is { Name: [var alias] } && string.Equals(alias, single, StringComparison.OrdinalIgnoreCase)) is var aliased and >= 0)
                return Attribute(SelectSpecification.Hidden("select", aliased));
            if (group >= 0)
                return Attribute(SelectSpecification.Hidden("group", group));
            return ReplaceChildren(expression, e => Rewrite(e, having), out var replaced) ? replaced : Replace(expression);
        }

        private int GroupOf(Expression expression) => groupings.FindIndex(g => g.Equals(expression) || SameColumn(g, expression));

        private Expression Replace(Expression expression)
        {
            PlanComplexity.EnsureStack();
            var group = GroupOf(expression);
            if (group >= 0)
                return Attribute(SelectSpecification.Hidden("group", group));
            switch (expression.ExprTypeCase)
            {
                case Expression.ExprTypeOneofCase.UnresolvedFunction when IsAggregate(expression.UnresolvedFunction.FunctionName):
                    return Attribute(AggregateColumn(expression));
                case Expression.ExprTypeOneofCase.Window:
                    // The window function is applied after grouping: its arguments and specification read the aggregate's output.
                    var window = expression.Clone();
                    var function = window.Window.WindowFunction;
                    if (function.UnresolvedFunction is { } call)
                    {
                        for (var i = 0; i < call.Arguments.Count; i++)
                            call.Arguments[i] = Replace(call.Arguments[i]);
                    }
                    for (var i = 0; i < window.Window.PartitionSpec.Count; i++)
                        window.Window.PartitionSpec[i] = Replace(window.Window.PartitionSpec[i]);
                    foreach (var sortOrder in window.Window.OrderSpec)
                        sortOrder.Child = Replace(sortOrder.Child);
                    return window;
                default:
                    return ReplaceChildren(expression, Replace, out var replaced) ? replaced : expression;
            }
        }

        /// <summary>The hidden aggregate column computing <paramref name="call"/>, added once.</summary>
        private string AggregateColumn(Expression call)
        {
            var index = _aggregates.FindIndex(a => a.Equals(call));
            if (index < 0)
            {
                _aggregates.Add(call);
                index = _aggregates.Count - 1;
                aggregate.AggregateExpressions.Add(Alias(call.Clone(), [SelectSpecification.Hidden("aggregate", index)]));
            }
            return SelectSpecification.Hidden("aggregate", index);
        }

        /// <summary>
        /// A copy of a function call, alias, cast, extraction or IN subquery's values with <paramref name="rewrite"/> applied to
        /// its children; a subquery's outer aggregates (kept in its WHERE) become hidden aggregates of this query.
        /// </summary>
        private bool ReplaceChildren(Expression expression, Func<Expression, Expression> rewrite, out Expression replaced)
        {
            replaced = expression;
            switch (expression.ExprTypeCase)
            {
                case Expression.ExprTypeOneofCase.UnresolvedFunction when !IsAggregate(expression.UnresolvedFunction.FunctionName):
                    replaced = expression.Clone();
                    for (var i = 0; i < replaced.UnresolvedFunction.Arguments.Count; i++)
                        replaced.UnresolvedFunction.Arguments[i] = rewrite(replaced.UnresolvedFunction.Arguments[i]);
                    return true;
                case Expression.ExprTypeOneofCase.Alias:
                    replaced = expression.Clone();
                    replaced.Alias.Expr = rewrite(replaced.Alias.Expr);
                    return true;
                case Expression.ExprTypeOneofCase.Cast:
                    replaced = expression.Clone();
                    replaced.Cast.Expr = rewrite(replaced.Cast.Expr);
                    return true;
                case Expression.ExprTypeOneofCase.UnresolvedExtractValue:
                    replaced = expression.Clone();
                    replaced.UnresolvedExtractValue.Child = rewrite(replaced.UnresolvedExtractValue.Child);
                    replaced.UnresolvedExtractValue.Extraction = rewrite(replaced.UnresolvedExtractValue.Extraction);
                    return true;
                case Expression.ExprTypeOneofCase.SubqueryExpression:
                    claimOuterAggregates?.Invoke(expression.SubqueryExpression.PlanId, AggregateColumn);
                    replaced = expression.Clone();
                    for (var i = 0; i < replaced.SubqueryExpression.InSubqueryValues.Count; i++)
                        replaced.SubqueryExpression.InSubqueryValues[i] = rewrite(replaced.SubqueryExpression.InSubqueryValues[i]);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>p.dept</c> and <c>dept</c> name the same grouping column unless both are qualified differently.</summary>
        private static bool SameColumn(Expression grouping, Expression expression)
        {
            if (grouping.UnresolvedAttribute is not { HasPlanId: false } g || expression.UnresolvedAttribute is not { HasPlanId: false } e)
                return false;
            var a = MultipartIdentifier.Parse(g.UnparsedIdentifier);
            var b = MultipartIdentifier.Parse(e.UnparsedIdentifier);
            if (a.Count > 2 || b.Count > 2 || !string.Equals(a[^1], b[^1], StringComparison.OrdinalIgnoreCase))
                return false;
            return a.Count == 1 || b.Count == 1 || string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Whether an input column (a name that is not a hidden column) is still read outside lambdas and subqueries.</summary>
        private static bool ReadsColumns(Expression expression) => expression.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.UnresolvedAttribute => !expression.UnresolvedAttribute.UnparsedIdentifier.StartsWith("`" + HiddenPrefix, StringComparison.Ordinal),
            Expression.ExprTypeOneofCase.UnresolvedStar => true,
            Expression.ExprTypeOneofCase.UnresolvedFunction => expression.UnresolvedFunction.Arguments.Any(ReadsColumns),
            Expression.ExprTypeOneofCase.Alias => ReadsColumns(expression.Alias.Expr),
            Expression.ExprTypeOneofCase.Cast => ReadsColumns(expression.Cast.Expr),
            Expression.ExprTypeOneofCase.SubqueryExpression => expression.SubqueryExpression.InSubqueryValues.Any(ReadsColumns),
            Expression.ExprTypeOneofCase.UnresolvedExtractValue => ReadsColumns(expression.UnresolvedExtractValue.Child) || ReadsColumns(expression.UnresolvedExtractValue.Extraction),
            Expression.ExprTypeOneofCase.Window => ReadsColumns(expression.Window.WindowFunction) || expression.Window.PartitionSpec.Any(ReadsColumns)
                                                   || expression.Window.OrderSpec.Any(o => ReadsColumns(o.Child)),
            _ => false,
        };
    }
}
