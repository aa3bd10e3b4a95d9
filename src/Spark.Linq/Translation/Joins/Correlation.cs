using System.Linq.Expressions;
using Spark.Linq.Translation.Operators;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// A correlated aggregate taken apart: the inner query that does not read the outer row (<see cref="Base"/>), the
/// equalities that tie it to the outer row (<see cref="Keys"/>), and the aggregate rewritten as LINQ-to-Objects over
/// one outer row's group of matches (<see cref="Aggregate"/> over <see cref="Group"/>), so the group aggregates
/// translate it. Correlations are equalities in the Where conditions directly on the other query (before any
/// Select) or in the predicate of Count/LongCount/Any, joined by <c>&amp;&amp;</c>; any other use of the outer row is refused.
/// </summary>
internal sealed record Correlation(Expression Base, IReadOnlyList<Correlation.Key> Keys, ParameterExpression Group, Expression Aggregate)
{
    /// <summary>One equality: <paramref name="Inner"/> over <paramref name="Parameter"/> (an inner row) equals <paramref name="Outer"/>.</summary>
    internal sealed record Key(ParameterExpression Parameter, Expression Inner, Expression Outer);

    private const string Supported = "a correlated subquery translates when the outer row is only compared by equality with the inner row "
        + "(inner.Key == outer.Key, joined by &&) in Where conditions directly on the other query or in the predicate of Count, LongCount or Any";

    private const string Fix = "Write the correlation as orders.Where(o => o.CustomerId == c.Id && …).Sum(o => …), or join the tables and GroupBy.";

    public static Correlation Split(TranslationContext context, MethodCallExpression call, IReadOnlySet<ParameterExpression> outer)
    {
        var chain = new List<MethodCallExpression>();
        var source = call.Arguments[0];
        while (source is MethodCallExpression { Method.Name: nameof(Queryable.Where) or nameof(Queryable.Select), Arguments.Count: 2 } step
            && QueryTranslator.IsQueryable(step) && QueryTranslator.Lambda(step.Arguments[1]).Parameters.Count == 1)
        {
            chain.Add(step);
            source = step.Arguments[0];
        }
        chain.Reverse();
        if (FreeParameters.Uses(source, outer))
            throw context.NotSupported(source, Supported + "; here it is read further inside the other query.", Fix);

        var keys = new List<Key>();
        var selected = false;
        var group = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(ElementType(source.Type)), "g");
        Expression current = group;
        foreach (var step in chain)
        {
            var lambda = QueryTranslator.Lambda(step.Arguments[1]);
            if (step.Method.Name == nameof(Queryable.Where))
            {
                if (Strip(context, lambda, outer, keys, selected) is { } rest)
                    current = Enumerables.Call(nameof(Enumerable.Where), [lambda.Parameters[0].Type], current, rest);
                continue;
            }
            if (FreeParameters.Uses(lambda, outer)) throw context.NotSupported(step, Supported + "; a Select can't read the outer row.", Fix);
            current = Enumerables.Call(nameof(Enumerable.Select), [lambda.Parameters[0].Type, lambda.ReturnType], current, lambda);
            selected = true;
        }

        var arguments = new List<Expression> { current };
        if (call.Arguments.Count == 2)
        {
            var lambda = QueryTranslator.Lambda(call.Arguments[1]);
            if (call.Method.Name is nameof(Queryable.Count) or nameof(Queryable.LongCount) or nameof(Queryable.Any))
            {
                if (Strip(context, lambda, outer, keys, selected) is { } rest) arguments.Add(rest);
            }
            else if (FreeParameters.Uses(lambda, outer))
            {
                throw context.NotSupported(call, Supported + $"; the lambda of {call.Method.Name} can't read the outer row.", Fix);
            }
            else
            {
                arguments.Add(lambda);
            }
        }
        else if (call.Arguments.Count > 2)
        {
            throw context.NotSupported(call, $"this overload of {call.Method.Name} can't be a correlated subquery.", Fix);
        }
        if (keys.Count == 0) throw context.NotSupported(call, Supported + ".", Fix);
        var aggregate = Enumerables.Call(call.Method.Name, call.Method.IsGenericMethod ? call.Method.GetGenericArguments() : [], [.. arguments]);
        return new Correlation(source, keys, group, aggregate);
    }

    /// <summary>Moves the correlating equalities of a predicate to <paramref name="keys"/>; returns the rest (null: nothing left).</summary>
    private static LambdaExpression? Strip(TranslationContext context, LambdaExpression predicate, IReadOnlySet<ParameterExpression> outer, List<Key> keys, bool selected)
    {
        var row = predicate.Parameters[0];
        var kept = new List<Expression>();
        foreach (var condition in Conjuncts(predicate.Body))
        {
            if (!FreeParameters.Uses(condition, outer))
            {
                kept.Add(condition);
                continue;
            }
            if (selected)
                throw context.NotSupported(condition, Supported + "; this one comes after a Select.", "Move the condition before the Select. " + Fix);
            if (condition is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
                throw context.NotSupported(condition, Supported + ".", Fix);
            if (IsInner(equal.Left, row, outer) && IsOuter(equal.Right, row, outer)) keys.Add(new Key(row, equal.Left, equal.Right));
            else if (IsInner(equal.Right, row, outer) && IsOuter(equal.Left, row, outer)) keys.Add(new Key(row, equal.Right, equal.Left));
            else throw context.NotSupported(condition, Supported + "; each side of the equality must read only one of the two rows.", Fix);
        }
        return kept.Count == 0 ? null : Expression.Lambda(kept.Aggregate(Expression.AndAlso), predicate.Parameters);
    }

    private static bool IsInner(Expression side, ParameterExpression row, IReadOnlySet<ParameterExpression> outer) =>
        FreeParameters.Of(side) is var used && used.Contains(row) && !used.Overlaps(outer);

    private static bool IsOuter(Expression side, ParameterExpression row, IReadOnlySet<ParameterExpression> outer) =>
        FreeParameters.Of(side) is var used && !used.Contains(row) && used.Overlaps(outer);

    private static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [body];

    private static Type ElementType(Type queryable) =>
        queryable.GetInterfaces().Append(queryable).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
}
