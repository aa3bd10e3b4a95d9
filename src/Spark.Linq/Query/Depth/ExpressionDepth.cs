using System.Linq.Expressions;

namespace Spark.Linq.Query.Depth;

/// <summary>
/// The depth budget of LINQ queries. Every walk over a query (closure evaluation, the plan cache's shape,
/// translation, error messages) recurses once per level of the expression tree, and .NET can't catch a
/// stack overflow: a query deeper than <see cref="Limit"/> is refused with a
/// <see cref="SparkTranslationException"/> before any of them runs. Long <c>&amp;&amp;</c> and <c>||</c> chains
/// are balanced first (<see cref="LogicalChainBalancer"/>), so they count only the logarithm of their length.
/// </summary>
internal static class ExpressionDepth
{
    /// <summary>
    /// The deepest expression tree translated. Far beyond written queries, and beyond what Spark accepts
    /// anyway: every level of a query becomes at least one level of the plan, which Spark's server caps at 1,024.
    /// </summary>
    public const int Limit = 1000;

    /// <summary>The error for a query that nests deeper than <see cref="Limit"/>.</summary>
    public static SparkTranslationException TooDeep(Expression node) =>
        new(Describe(node), null,
            $"the query nests more than {Limit:N0} levels deep, the most Spark.Linq translates (a deeper query could overflow the stack, " +
            "and Spark's server refuses plans deeper than 1,024 protobuf levels anyway).",
            "Make it shallower: combine chained Where calls into one condition, use list.Contains(x.Member) instead of many == comparisons " +
            "(long && and || chains are balanced and cost only their logarithm), or split the work into several queries.");

    /// <summary>
    /// A one-line description of <paramref name="node"/> that does not print its operands: the usual printer
    /// recurses through the whole tree, which is exactly what a too-deep tree can't afford.
    /// </summary>
    public static string Describe(Expression node) => node switch
    {
        MethodCallExpression call => $"{call.Method.Name}(…)",
        BinaryExpression binary => $"(… {binary.NodeType} …)",
        UnaryExpression unary => $"{unary.NodeType}(…)",
        LambdaExpression lambda => $"({string.Join(", ", lambda.Parameters.Select(p => p.Name))}) => …",
        _ => $"{node.NodeType} …",
    };
}
