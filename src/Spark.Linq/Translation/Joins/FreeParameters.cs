using System.Linq.Expressions;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// The parameters an expression uses but does not declare: inside a subquery, the enclosing lambda's row (a
/// correlated subquery reads the outer row through them).
/// </summary>
internal sealed class FreeParameters : Query.Depth.GuardedExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _declared = [];
    private readonly HashSet<ParameterExpression> _free = [];

    public static IReadOnlySet<ParameterExpression> Of(Expression expression)
    {
        var finder = new FreeParameters();
        finder.Visit(expression);
        return finder._free;
    }

    /// <summary>True when <paramref name="expression"/> uses any of <paramref name="parameters"/>.</summary>
    public static bool Uses(Expression expression, IReadOnlySet<ParameterExpression> parameters) => Of(expression).Overlaps(parameters);

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _declared.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_declared.Contains(node)) _free.Add(node);
        return node;
    }

    protected override Expression VisitExtension(Expression node) => node;
}
