using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq.Query;

/// <summary>
/// Where a Spark query's static type and the type of the tree that stands for it differ — an
/// <see cref="ISparkQueryable{T}"/> variable whose query is a <c>Queryable.Where(…)</c> call of type
/// <see cref="IQueryable{T}"/> — the tree gets a <c>Convert</c> to the Spark type so it stays valid. This
/// visitor removes each such <c>Convert</c> wherever its parent accepts the query as it is (an argument of a
/// <see cref="Queryable"/> or <see cref="Enumerable"/> operator, a lambda's body), so the translator and the
/// plan cache see the trees they saw before the Spark types existed. The rest are looked through by the
/// translator, as it looks through any cast of a query.
/// </summary>
internal class SparkQueryRetyper : ExpressionVisitor
{
    private static readonly SparkQueryRetyper Instance = new();

    /// <summary>Removes the casts to Spark query types that no parent needs.</summary>
    public static Expression Strip(Expression expression) => Instance.Visit(expression)!;

    /// <summary><paramref name="query"/> as <paramref name="type"/>: itself when it already is one, else a <c>Convert</c>.</summary>
    public static Expression Retype(Expression query, Type type) => type.IsAssignableFrom(query.Type) ? query : Expression.Convert(query, type);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        Expression[]? unwrapped = null;
        ParameterInfo[]? parameters = null;
        for (var i = 0; i < visited.Arguments.Count; i++)
        {
            // Most calls have no such cast; only then are the parameters (a copy per call) worth reading.
            if (!IsSparkCast(visited.Arguments[i])) continue;
            parameters ??= visited.Method.GetParameters();
            var argument = Unwrap(visited.Arguments[i], parameters[i].ParameterType);
            if (ReferenceEquals(argument, visited.Arguments[i])) continue;
            unwrapped ??= [.. visited.Arguments];
            unwrapped[i] = argument;
        }
        return unwrapped is null ? visited : Expression.Call(visited.Object, visited.Method, unwrapped);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var visited = (LambdaExpression)base.VisitLambda(node);
        var body = Unwrap(visited.Body, visited.ReturnType);
        return ReferenceEquals(body, visited.Body) ? visited : Expression.Lambda(visited.Type, body, visited.Name, visited.TailCall, visited.Parameters);
    }

    protected override Expression VisitExtension(Expression node) => node;

    /// <summary><paramref name="expression"/> without its cast to a Spark query type, if <paramref name="target"/> accepts what was cast.</summary>
    protected static Expression Unwrap(Expression expression, Type target) =>
        IsSparkCast(expression) && expression is UnaryExpression cast && target.IsAssignableFrom(cast.Operand.Type) ? cast.Operand : expression;

    private static bool IsSparkCast(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert, Method: null, Type: { IsGenericType: true } type }
        && (type.GetGenericTypeDefinition() == typeof(ISparkQueryable<>) || type.GetGenericTypeDefinition() == typeof(ISparkOrderedQueryable<>));
}
