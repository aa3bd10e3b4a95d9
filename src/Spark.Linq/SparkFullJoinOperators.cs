using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq;

/// <summary>
/// <c>FullJoin</c>: every row of both sides, matched by key where the keys are equal, with default on the side
/// that has no match (Spark's <c>Join FULL_OUTER</c>). Shaped like .NET 10's <c>LeftJoin</c> and <c>RightJoin</c>,
/// which have no full counterpart in <see cref="Queryable"/>. A null key matches nothing (as LINQ's joins), so a
/// row with a null key appears once, unmatched.
/// </summary>
/// <remarks>
/// The <see cref="IQueryable{T}"/> form records a call to itself in the expression tree, as <see cref="Queryable"/>'s
/// operators do: Spark.Linq translates it, and LINQ-to-Objects' <c>AsQueryable()</c> runs it through the
/// <see cref="IEnumerable{T}"/> form of the same name.
/// </remarks>
public static class SparkFullJoinOperators
{
    private static readonly MethodInfo QueryableFullJoin = new Func<IQueryable<object>, IEnumerable<object>, Expression<Func<object, object>>,
        Expression<Func<object, object>>, Expression<Func<object?, object?, object>>, IQueryable<object>>(FullJoin).Method.GetGenericMethodDefinition();

    /// <summary>Every row of both queries, paired where the keys are equal, the missing side null (<c>Join FULL_OUTER</c>).</summary>
    public static ISparkQueryable<TResult> FullJoin<TOuter, TInner, TKey, TResult>(this ISparkQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector, Expression<Func<TOuter?, TInner?, TResult>> resultSelector) =>
        (ISparkQueryable<TResult>)FullJoin((IQueryable<TOuter>)outer, inner, outerKeySelector, innerKeySelector, resultSelector);

    /// <summary>Every row of both sequences, paired where the keys are equal, the missing side default; as a query of <paramref name="outer"/>'s provider.</summary>
    public static IQueryable<TResult> FullJoin<TOuter, TInner, TKey, TResult>(this IQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector, Expression<Func<TOuter?, TInner?, TResult>> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outerKeySelector);
        ArgumentNullException.ThrowIfNull(innerKeySelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        var method = QueryableFullJoin.MakeGenericMethod(typeof(TOuter), typeof(TInner), typeof(TKey), typeof(TResult));
        var innerExpression = inner is IQueryable<TInner> query ? query.Expression : Expression.Constant(inner, typeof(IEnumerable<TInner>));
        return outer.Provider.CreateQuery<TResult>(Expression.Call(null, method, outer.Expression, innerExpression,
            Expression.Quote(outerKeySelector), Expression.Quote(innerKeySelector), Expression.Quote(resultSelector)));
    }

    /// <summary>
    /// LINQ-to-Objects: each outer element with every matching inner element (in outer order, matches in inner order), or with
    /// default when none matches; then every inner element no outer element matched, with default on the outer side.
    /// </summary>
    public static IEnumerable<TResult> FullJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
        Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter?, TInner?, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outerKeySelector);
        ArgumentNullException.ThrowIfNull(innerKeySelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return Iterate(outer, inner, outerKeySelector, innerKeySelector, resultSelector);
    }

    private static IEnumerable<TResult> Iterate<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
        Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter?, TInner?, TResult> resultSelector)
    {
        var innerRows = inner.ToList();
        // A lookup skips null keys, as Join does: such rows never match and come out unmatched.
        var byKey = innerRows.Select((row, index) => (row, index)).ToLookup(p => innerKeySelector(p.row), p => p.index);
        var matched = new bool[innerRows.Count];
        foreach (var o in outer)
        {
            var key = outerKeySelector(o);
            var matches = key is null ? [] : byKey[key];
            var any = false;
            foreach (var index in matches)
            {
                any = matched[index] = true;
                yield return resultSelector(o, innerRows[index]);
            }
            if (!any) yield return resultSelector(o, default);
        }
        for (var i = 0; i < innerRows.Count; i++)
        {
            if (!matched[i]) yield return resultSelector(default, innerRows[i]);
        }
    }
}
