using System.Linq.Expressions;
using Spark.Linq.Translation;

namespace Spark.Linq.Query.Depth;

/// <summary>
/// Rewrites long chains of <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c> and <c>|</c> on booleans (a predicate
/// builder's <c>p = p.Or(x =&gt; x.Id == k)</c> in a loop makes one as deep as it is long) into balanced
/// trees, and enforces <see cref="ExpressionDepth.Limit"/> on the result. The meaning is unchanged: these
/// operators are associative, and a balanced tree keeps the operands in their order, so even
/// short-circuiting evaluates the same operands in the same order (Spark's <c>and</c>/<c>or</c> promise no
/// order at all). Arithmetic is left alone: floating-point addition is not associative, and regrouping
/// integer or decimal arithmetic can move an overflow or change a decimal's precision.
/// </summary>
internal sealed class LogicalChainBalancer : GuardedExpressionVisitor
{
    // Short chains keep the shape they were written in (and the plan text people expect); depth only matters for long ones.
    private const int KeptChainLength = 8;

    private int _depth;

    /// <summary>The query with long logical chains balanced; throws <see cref="SparkTranslationException"/> if it is still too deep.</summary>
    public static Expression Balance(Expression expression) => new LogicalChainBalancer().Visit(expression)!;

    public override Expression? Visit(Expression? node)
    {
        if (node is null) return null;
        if (++_depth > ExpressionDepth.Limit) throw ExpressionDepth.TooDeep(node);
        try
        {
            return node is BinaryExpression binary && IsLogical(binary) && Operands(binary) is { Count: > KeptChainLength } operands
                ? Balanced(binary, operands)
                : base.Visit(node);
        }
        finally
        {
            _depth--;
        }
    }

    protected override Expression VisitExtension(Expression node) => node;

    private static bool IsLogical(BinaryExpression binary) =>
        binary.NodeType is ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or
        && binary.Method is null && TypeClassifier.Unwrap(binary.Type) == typeof(bool);

    /// <summary>The operands of the chain <paramref name="root"/> heads, left to right (found without recursion).</summary>
    private static List<Expression> Operands(BinaryExpression root)
    {
        var operands = new List<Expression>();
        var pending = new Stack<Expression>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is BinaryExpression link && link.NodeType == root.NodeType && link.Type == root.Type && link.Method is null)
            {
                pending.Push(link.Right);
                pending.Push(link.Left);
            }
            else
            {
                operands.Add(node);
            }
        }
        return operands;
    }

    private Expression Balanced(BinaryExpression root, List<Expression> operands)
    {
        // The operands will sit this many levels below the chain's root, which was counted already.
        var outer = _depth;
        _depth += (int)Math.Ceiling(Math.Log2(operands.Count)) - 1;
        try
        {
            for (var i = 0; i < operands.Count; i++) operands[i] = Visit(operands[i])!;
        }
        finally
        {
            _depth = outer;
        }
        return Join(root, operands, 0, operands.Count);
    }

    // Recursion here is only as deep as the balanced tree: the logarithm of the chain's length.
    private static Expression Join(BinaryExpression root, List<Expression> operands, int from, int to)
    {
        if (to - from == 1) return operands[from];
        var middle = from + (to - from + 1) / 2;
        return Expression.MakeBinary(root.NodeType, Join(root, operands, from, middle), Join(root, operands, middle, to), root.IsLiftedToNull, null);
    }
}
