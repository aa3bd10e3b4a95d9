using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// An aggregate of another query that reads the outer row by equality (<c>orders.Count(o =&gt; o.CustomerId == c.Id)</c>,
/// <c>orders.Where(o =&gt; o.CustomerId == c.Id).Sum(o =&gt; o.Amount)</c>, <c>orders.Any(o =&gt; o.CustomerId == c.Id)</c>) →
/// the other query's <c>Aggregate</c> grouped by the inner keys, left outer joined into the input of the Where or
/// Select that uses it on the equalities (<c>&lt;=&gt;</c> where C#'s <c>==</c> finds null equal to null), and read as
/// its column with LINQ's answer where nothing matched (<see cref="EmptyGroups"/>). It is GroupJoin's translation,
/// reached from a subquery: see <see cref="Correlation"/> for what may correlate.
/// </summary>
internal static class CorrelatedAggregates
{
    private static readonly HashSet<string> Methods = ["Count", "LongCount", "Sum", "Min", "Max", "Average", "Any", "All"];

    public static bool Handles(string method) => Methods.Contains(method);

    public static SparkValue Translate(TranslationContext context, MethodCallExpression call)
    {
        var correlation = Correlation.Split(context, call, FreeParameters.Of(call));
        if (EmptyGroups.ThrowsWhenEmpty(call)) throw EmptyGroups.NonNullable(context, call);

        // The inner query's own Where/Select must not take the outer operator's subqueries.
        var previous = context.Operator;
        var outerSubqueries = context.TakeScalarSubqueries();
        var inner = InlineRows.Materialize(context, QueryTranslator.TranslateSequence(context, correlation.Base));
        context.RestoreScalarSubqueries(outerSubqueries);
        context.Operator = previous;
        if (inner.Row.Group is not null)
            throw context.NotSupported(call, "a correlated subquery can't aggregate the groups of a GroupBy.",
                "Select from the groups first (GroupBy(…).Select(g => new { g.Key, … })), then aggregate that.");

        var innerKeys = new List<SparkValue>();
        var outerValues = new List<SparkValue>();
        foreach (var key in correlation.Keys)
        {
            using (context.Bind(key.Parameter, inner.Row)) innerKeys.Add(ScalarTranslator.Translate(context, key.Inner));
            var outerValue = ScalarTranslator.Translate(context, key.Outer);
            // The join runs per row of the operator's input, not per element of an array lambda around the subquery.
            if (ReadsLambdaVariable(outerValue.Expression))
                throw context.NotSupported(key.Outer, "a correlated subquery can compare the inner row with the outer row, not with an element of an array lambda around it.",
                    "Flatten the array first (from item in x.Items …), then correlate with the flattened row.");
            outerValues.Add(outerValue);
        }
        var (groups, scope, keys) = GroupedInner.Build(context, inner, innerKeys, context.NewScalarName() + "_");
        SparkValue value;
        using (context.Bind(correlation.Group, GroupedInner.Group(correlation.Group.Type, scope, keys)))
            value = ScalarTranslator.Translate(context, correlation.Aggregate);

        // C#'s == finds null equal to null, so nullable keys compare null-safely (one group holds the null key).
        SparkExpression? condition = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var part = NullSemantics.Equal(context, outerValues[i], keys[i]).Expression;
            condition = condition is null ? part : Expr.Fn("and", condition, part);
        }
        context.AddCorrelatedSubquery(groups, condition!);
        return value;
    }

    private static bool ReadsLambdaVariable(SparkExpression expression)
    {
        var pending = new List<Google.Protobuf.IMessage> { expression };
        while (pending.Count > 0)
        {
            var message = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (message is SparkExpression.Types.UnresolvedNamedLambdaVariable) return true;
            Spark.Connect.MessageChildren.AddTo(message, pending);
        }
        return false;
    }
}
