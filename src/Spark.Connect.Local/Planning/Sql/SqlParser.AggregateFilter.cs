using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>agg(x) FILTER (WHERE c)</c>: Spark Connect's function call has no filter, so the call aggregates
/// <c>CASE WHEN c THEN x END</c> instead, which is the same answer for every aggregate that skips nulls (rows the
/// condition rejects, or leaves null, become nulls it skips); <c>count(*)</c> counts <c>CASE WHEN c THEN 1 END</c>.
/// first/last/any_value keep nulls unless told to ignore them, so there the filter needs IGNORE NULLS. The column keeps
/// Spark's name, <c>count(b) FILTER (WHERE (a > 1))</c>.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> KeepsNulls = new(StringComparer.OrdinalIgnoreCase)
        { "first", "last", "first_value", "last_value", "any_value" };

    /// <summary>The condition of a <c>FILTER (WHERE …)</c> after a call, or null when there is none.</summary>
    private Expression? AggregateFilterClause()
    {
        if (!IsWord("FILTER") || !PeekAt(1).IsSymbol("("))
            return null;
        Advance();
        ExpectSymbol("(");
        ExpectWord("WHERE");
        var condition = Expr();
        ExpectSymbol(")");
        return condition;
    }

    /// <summary>The call <paramref name="name"/>(<paramref name="arguments"/>) over the rows <paramref name="condition"/> keeps.</summary>
    private static Expression FilteredAggregate(string name, List<Expression> arguments, bool distinct, bool ignoreNulls, Expression condition)
    {
        if (!IsAggregate(name))
            throw SqlParseErrors.Unsupported($"FILTER (WHERE …) on {name}, which is not an aggregate function", "Use FILTER only after an aggregate function.");
        if (KeepsNulls.Contains(name) && !ignoreNulls)
            throw SqlParseErrors.Unsupported($"FILTER (WHERE …) on {name} without IGNORE NULLS", $"Write {name}(CASE WHEN … THEN x END) IGNORE NULLS if nulls may be skipped.");
        var counts = name.Equals("count", StringComparison.OrdinalIgnoreCase);
        var original = Call(name, arguments, distinct);
        var filtered = arguments.Select((argument, i) => i == 0 || counts || argument.ExprTypeCase != Expression.ExprTypeOneofCase.Literal
            ? OnlyWhen(condition, argument.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar ? Literals.Integer(1) : argument)
            : argument);
        // Named as Spark names it, the way CASE carries its name: an alias the resolver drops inside expressions.
        return Alias(Call(name, filtered, distinct), [$"{ColumnNamer.Name(original)} FILTER (WHERE {ColumnNamer.Name(condition)})"]);
    }

    private static Expression OnlyWhen(Expression condition, Expression value) => Call("when", condition.Clone(), value);
}
