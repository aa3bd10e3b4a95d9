using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>x [NOT] LIKE|ILIKE ANY|SOME|ALL (p1, p2, …)</c>: one LIKE (ILIKE) per pattern, each negated under NOT, joined by OR
/// (ANY, SOME) or AND (ALL). Three-valued OR/AND give exactly Spark's LikeAny/LikeAll answers: a null value is null; a
/// null pattern makes the answer null unless another pattern decides it. When every pattern is a string literal Spark
/// builds one LikeAny/NotLikeAny/LikeAll/NotLikeAll expression, and the column is named as that one is,
/// <c>likeany(x)</c> (<c>likeany(lower(x))</c> for ILIKE). <c>NOT x LIKE ANY (…)</c> negates the whole predicate instead.
/// </summary>
internal sealed partial class SqlParser
{
    /// <summary>True at <c>LIKE ANY (</c> (also ILIKE, SOME, ALL): a quantified LIKE rather than one pattern.</summary>
    private bool AtQuantifiedLike() =>
        (IsWord("LIKE") || IsWord("ILIKE")) && PeekAt(1).Kind == SparkTokenKind.Word
        && PeekAt(1).Text.ToUpperInvariant() is "ANY" or "SOME" or "ALL"
        && PeekAt(2).Kind == SparkTokenKind.Symbol && PeekAt(2).Text == "(";

    private Expression QuantifiedLike(Expression value, bool negated)
    {
        var function = Advance().Text.ToLowerInvariant();
        var all = Advance().Text.Equals("ALL", StringComparison.OrdinalIgnoreCase);
        ExpectSymbol("(");
        if (AcceptSymbol(")"))
            throw new LocalEngineException("_LEGACY_ERROR_TEMP_0064", "42601", "Expected something between '(' and ')'.",
                new Dictionary<string, string> { ["msg"] = "Expected something between '(' and ')'." });
        var patterns = new List<Expression> { Expr() };
        while (AcceptSymbol(","))
            patterns.Add(Expr());
        ExpectSymbol(")");
        var tests = patterns.Select(p => Call(function, value.Clone(), p)).Select(like => negated ? Call("not", like) : like).ToList();
        var predicate = Balanced(all ? "and" : "or", tests, 0, tests.Count);
        if (!patterns.All(p => p is { ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String }))
            return predicate;
        var child = ColumnNamer.Name(value);
        if (function == "ilike") child = $"lower({child})";
        return Alias(predicate, [$"{(negated ? "not" : "")}like{(all ? "all" : "any")}({child})"]);
    }
}
