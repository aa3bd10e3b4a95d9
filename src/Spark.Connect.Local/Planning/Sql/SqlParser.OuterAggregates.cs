using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Aggregates of an enclosing query used inside a subquery (<c>GROUP BY d HAVING EXISTS (SELECT 1 FROM bonus WHERE
/// amt &lt; min(emp.salary))</c>). Spark resolves such a call, whose columns all belong to the enclosing query, in the
/// enclosing Aggregate and hands the subquery its value as an outer reference. Here the subquery's WHERE keeps the call
/// (instead of failing with INVALID_WHERE_CONDITION) when every column it reads is qualified by a name its own FROM
/// does not define; the enclosing aggregate query then claims it: the call becomes one of its hidden aggregates and the
/// call inside the subquery is rewritten in place into a reference to that column. A call no aggregate query claims is
/// the WHERE error after all.
/// </summary>
internal sealed partial class SqlParser
{
    private readonly List<OuterAggregate> _outerAggregates = [];

    /// <summary>One aggregate call kept in a subquery's WHERE, waiting for the enclosing aggregate query.</summary>
    private sealed class OuterAggregate(Expression call, Expression where, IReadOnlySet<string> qualifiers)
    {
        /// <summary>The call as it sits in the subquery's condition (rewritten in place once claimed).</summary>
        internal Expression Call { get; } = call;

        /// <summary>The WHERE condition holding it, for the error when nothing claims it.</summary>
        internal Expression Where { get; } = where;

        /// <summary>The qualifiers its columns name (all outside the subquery's FROM).</summary>
        internal IReadOnlySet<string> Qualifiers { get; } = qualifiers;

        /// <summary>The plan id of the subquery expression it sits in, once that subquery is registered.</summary>
        internal long? SubqueryPlanId { get; set; }
    }

    /// <summary>
    /// Whether every aggregate call in <paramref name="where"/> reads only columns qualified by names <paramref name="from"/>
    /// does not define; if so each is kept for the enclosing query to claim.
    /// </summary>
    private bool DeferOuterAggregates(Expression where, Relation? from)
    {
        var calls = new List<Expression>();
        CollectAggregateCalls(where, calls);
        var local = from is null ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : RelationNames(from);
        var deferred = new List<OuterAggregate>();
        foreach (var call in calls)
        {
            var qualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!OuterQualifiers(call, local, qualifiers) || qualifiers.Count == 0)
                return false;
            deferred.Add(new OuterAggregate(call, where, qualifiers));
        }
        _outerAggregates.AddRange(deferred);
        return true;
    }

    /// <summary>Ties the aggregates kept since the last subquery registration to the subquery registered under <paramref name="planId"/>.</summary>
    private void AssignOuterAggregates(long planId)
    {
        foreach (var aggregate in _outerAggregates.Where(a => a.SubqueryPlanId is null))
            aggregate.SubqueryPlanId = planId;
    }

    /// <summary>
    /// The aggregates kept in the subquery <paramref name="planId"/> whose columns the aggregate query over
    /// <paramref name="from"/> defines; each is removed from the waiting list and handed to <paramref name="claim"/>,
    /// which returns the name of the column that now computes it.
    /// </summary>
    private void ClaimOuterAggregates(long planId, Relation? from, Func<Expression, string> claim)
    {
        var names = from is null ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : RelationNames(from);
        foreach (var aggregate in _outerAggregates.Where(a => a.SubqueryPlanId == planId && a.Qualifiers.All(names.Contains)).ToList())
        {
            _outerAggregates.Remove(aggregate);
            var column = claim(aggregate.Call.Clone());
            aggregate.Call.UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = Unparsed([column]) };
        }
    }

    /// <summary>After the whole text is parsed: an aggregate no enclosing aggregate query claimed is a WHERE error.</summary>
    private void EnsureOuterAggregatesClaimed()
    {
        if (_outerAggregates.Count > 0)
            throw SelectSpecification.InvalidWhereCondition(_outerAggregates[0].Where);
    }

    private static void CollectAggregateCalls(Expression expression, List<Expression> calls)
    {
        PlanComplexity.EnsureStack();
        switch (expression.ExprTypeCase)
        {
            case Expression.ExprTypeOneofCase.UnresolvedFunction when IsAggregate(expression.UnresolvedFunction.FunctionName):
                calls.Add(expression);
                break;
            case Expression.ExprTypeOneofCase.UnresolvedFunction:
                foreach (var argument in expression.UnresolvedFunction.Arguments)
                    CollectAggregateCalls(argument, calls);
                break;
            case Expression.ExprTypeOneofCase.Alias:
                CollectAggregateCalls(expression.Alias.Expr, calls);
                break;
            case Expression.ExprTypeOneofCase.Cast:
                CollectAggregateCalls(expression.Cast.Expr, calls);
                break;
            case Expression.ExprTypeOneofCase.UnresolvedExtractValue:
                CollectAggregateCalls(expression.UnresolvedExtractValue.Child, calls);
                CollectAggregateCalls(expression.UnresolvedExtractValue.Extraction, calls);
                break;
        }
    }

    /// <summary>
    /// Whether every column <paramref name="expression"/> reads is qualified by a name not in <paramref name="local"/>
    /// (the qualifiers go to <paramref name="qualifiers"/>); a bare name, a star, a nested subquery or lambda is not outer.
    /// </summary>
    private static bool OuterQualifiers(Expression expression, IReadOnlySet<string> local, HashSet<string> qualifiers)
    {
        PlanComplexity.EnsureStack();
        switch (expression.ExprTypeCase)
        {
            case Expression.ExprTypeOneofCase.Literal:
                return true;
            case Expression.ExprTypeOneofCase.UnresolvedAttribute when !expression.UnresolvedAttribute.HasPlanId:
                var parts = MultipartIdentifier.Parse(expression.UnresolvedAttribute.UnparsedIdentifier);
                if (parts.Count < 2 || local.Contains(parts[0]))
                    return false;
                qualifiers.Add(parts[0]);
                return true;
            case Expression.ExprTypeOneofCase.UnresolvedFunction:
                return expression.UnresolvedFunction.Arguments.All(a => OuterQualifiers(a, local, qualifiers));
            case Expression.ExprTypeOneofCase.Alias:
                return OuterQualifiers(expression.Alias.Expr, local, qualifiers);
            case Expression.ExprTypeOneofCase.Cast:
                return OuterQualifiers(expression.Cast.Expr, local, qualifiers);
            default:
                return false;
        }
    }

    /// <summary>The names a FROM clause defines for qualified columns: aliases, and tables by their last name part.</summary>
    private static HashSet<string> RelationNames(Relation from)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Relation>([from]);
        while (pending.Count > 0)
        {
            var relation = pending.Pop();
            switch (relation.RelTypeCase)
            {
                case Relation.RelTypeOneofCase.SubqueryAlias:
                    names.Add(relation.SubqueryAlias.Alias);
                    break;
                case Relation.RelTypeOneofCase.Read when relation.Read.NamedTable is { } table:
                    names.Add(MultipartIdentifier.Parse(table.UnparsedIdentifier)[^1]);
                    break;
                case Relation.RelTypeOneofCase.Join:
                    pending.Push(relation.Join.Left);
                    pending.Push(relation.Join.Right);
                    break;
                case Relation.RelTypeOneofCase.Project when relation.Project.Input is { } input:
                    pending.Push(input);
                    break;
                case Relation.RelTypeOneofCase.Filter:
                    pending.Push(relation.Filter.Input);
                    break;
                case Relation.RelTypeOneofCase.Limit:
                    pending.Push(relation.Limit.Input);
                    break;
                case Relation.RelTypeOneofCase.Sample:
                    pending.Push(relation.Sample.Input);
                    break;
            }
        }
        return names;
    }
}
