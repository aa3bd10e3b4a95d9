using System.Globalization;
using Spark.Connect.Local.Planning.Expressions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using SortDirection = Spark.Connect.Protocol.Expression.Types.SortOrder.Types.SortDirection;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Ordered-set aggregates, <c>f(args) WITHIN GROUP (ORDER BY x [ASC|DESC])</c>: <c>percentile_cont(p)</c> is Spark's
/// exact <c>percentile(x, p)</c> (linear interpolation; descending order reads it at 1 − p, which the same
/// interpolation gives), <c>percentile_disc(p)</c> is the internal call <c>percentile_disc(x, p, descending)</c>, and <c>mode()</c> ascending is <c>mode(x)</c> (the smallest of tied values). Each keeps Spark's
/// name, <c>percentile_cont(0.5) WITHIN GROUP (ORDER BY x)</c>, also as a window function over a whole partition
/// (<c>… OVER (PARTITION BY p)</c>). Other ordered-set aggregates and orders are refused.
/// </summary>
internal sealed partial class SqlParser
{
    private Expression WithinGroup(string name, List<Expression> arguments, bool distinct)
    {
        Advance();
        Advance();
        ExpectSymbol("(");
        if (!AcceptWords("ORDER", "BY"))
            throw Error(null);
        var order = SortItems();
        ExpectSymbol(")");
        if (order.Count != 1)
            throw SqlParseErrors.Unsupported($"{name} WITHIN GROUP ordered by several expressions", "Order by one expression.");
        if (IsWord("FILTER"))
            throw SqlParseErrors.Unsupported("FILTER after WITHIN GROUP", "Aggregate in a subquery first.");
        if (distinct)
            throw SqlParseErrors.Unsupported($"{name}(DISTINCT …) WITHIN GROUP", "Aggregate the distinct values in a subquery first.");
        var value = order[0].Child;
        var descending = order[0].Direction == SortDirection.Descending;
        var shown = $"{name}({string.Join(", ", arguments.Select(ColumnNamer.Name))}) WITHIN GROUP (ORDER BY {ColumnNamer.Name(value)}{(descending ? " DESC" : "")})";
        Expression? call = name switch
        {
            "percentile_cont" when arguments is [var percentage] => Call("percentile", value, descending ? Complement(percentage) : percentage),
            "mode" when arguments.Count == 0 && !descending => Call("mode", value),
            "percentile_disc" when arguments is [var percentage] => WithinGroupCall(name, value, percentage, new Expression { Literal = new Literal { Boolean = descending } }),
            _ => null,
        };
        // As a window function the aggregate keeps its name as an alias around the call, which the window resolver reads
        // to apply Spark's whole-partition rule first; an aggregate this engine lacks is refused there, after that rule,
        // under a name no function has.
        if (AcceptWord("OVER"))
            return Window(Alias(call ?? Call(shown), [shown]));
        return Alias(call ?? throw SqlParseErrors.Unsupported($"{name}({(arguments.Count == 0 ? "" : "…")}) WITHIN GROUP (ORDER BY …{(descending ? " DESC" : "")})",
            "Use percentile_cont(p) or percentile_disc(p) WITHIN GROUP (ORDER BY x), mode() WITHIN GROUP (ORDER BY x), percentile or percentile_approx."), [shown]);
    }

    /// <summary>A call of a function Spark reaches only through WITHIN GROUP, marked internal so the resolver lets it through.</summary>
    private static Expression WithinGroupCall(string name, params Expression[] arguments)
    {
        var call = Call(name, arguments);
        call.UnresolvedFunction.IsInternal = true;
        return call;
    }

    /// <summary>1 − p for a numeric literal percentage (percentile needs a literal).</summary>
    private static Expression Complement(Expression percentage)
    {
        var literal = percentage.Literal;
        double? value = literal?.LiteralTypeCase switch
        {
            Literal.LiteralTypeOneofCase.Decimal => double.Parse(literal.Decimal.Value, CultureInfo.InvariantCulture),
            Literal.LiteralTypeOneofCase.Double => literal.Double,
            Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            _ => null,
        };
        return value is { } p
            ? new Expression { Literal = new Literal { Double = 1 - p } }
            : throw SqlParseErrors.Unsupported("percentile_cont WITHIN GROUP (ORDER BY … DESC) with a computed percentage", "Use a literal percentage.");
    }
}
