using System.Linq.Expressions;
using System.Reflection;

namespace Spark.Linq.Query;

/// <summary>
/// Inside a lambda the compiler records the operator it bound: for a Spark query that is
/// <see cref="SparkQueryableOperators"/>' overload (<c>o =&gt; customers.Where(…).Any(…)</c>), not
/// <see cref="Queryable"/>'s. This rewrites each such call into the <see cref="Queryable"/> operator of the same
/// name and parameter shape, before anything else reads the tree, so the closure evaluator, the plan cache and
/// the translators only ever meet <see cref="Queryable"/> operators. (Outside lambdas the overloads already
/// build <see cref="Queryable"/> calls.)
/// </summary>
internal sealed class SparkOperatorNormalizer : SparkQueryRetyper
{
    private static readonly SparkOperatorNormalizer Instance = new();

    /// <summary>Each operator's generic method definition → its <see cref="Queryable"/> twin's.</summary>
    internal static IReadOnlyDictionary<MethodInfo, MethodInfo> Twins { get; } = FindTwins();

    public static Expression Normalize(Expression expression) => Instance.Visit(expression)!;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        if (visited.Method.DeclaringType != typeof(SparkQueryableOperators) && visited.Method.DeclaringType != typeof(SparkFullJoinOperators) || !visited.Method.IsGenericMethod
            || !Twins.TryGetValue(visited.Method.GetGenericMethodDefinition(), out var twin))
            return visited;
        var method = twin.MakeGenericMethod(visited.Method.GetGenericArguments());
        var parameters = method.GetParameters();
        var call = Expression.Call(method, visited.Arguments.Select((argument, i) => Unwrap(argument, parameters[i].ParameterType)));
        // The parent was written against the Spark type; a cast keeps it valid until the parent is visited and drops it if it can.
        return Retype(call, node.Type);
    }

    private static Dictionary<MethodInfo, MethodInfo> FindTwins()
    {
        var queryable = typeof(Queryable).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.IsGenericMethodDefinition).ToList();
        var twins = new Dictionary<MethodInfo, MethodInfo>();
        foreach (var method in typeof(SparkQueryableOperators).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (method.Name == nameof(SparkQueryableOperators.AsSparkQueryable)) continue;
            var parameters = method.GetParameters();
            twins[method] = queryable.SingleOrDefault(q => q.Name == method.Name && q.GetGenericArguments().Length == method.GetGenericArguments().Length
                    && q.GetParameters() is var theirs && theirs.Length == parameters.Length
                    && parameters.Zip(theirs).All(p => SameShape(p.First.ParameterType, p.Second.ParameterType)))
                ?? throw new InvalidOperationException($"SparkQueryableOperators.{method.Name} has no Queryable operator of the same shape.");
        }
        // FullJoin has no Queryable operator: its ISparkQueryable form maps to its own IQueryable form.
        var fullJoins = typeof(SparkFullJoinOperators).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters()[0].ParameterType.IsGenericType).ToLookup(m => m.GetParameters()[0].ParameterType.GetGenericTypeDefinition());
        twins[fullJoins[typeof(ISparkQueryable<>)].Single()] = fullJoins[typeof(IQueryable<>)].Single();
        return twins;
    }

    /// <summary>Whether <paramref name="ours"/> is <paramref name="theirs"/> with the Spark query types in place of IQueryable's.</summary>
    private static bool SameShape(Type ours, Type theirs)
    {
        if (ours.IsGenericParameter)
            return theirs.IsGenericParameter && ours.GenericParameterPosition == theirs.GenericParameterPosition;
        if (!ours.IsGenericType)
            return ours == theirs;
        var definition = ours.GetGenericTypeDefinition();
        if (definition == typeof(ISparkQueryable<>)) definition = typeof(IQueryable<>);
        else if (definition == typeof(ISparkOrderedQueryable<>)) definition = typeof(IOrderedQueryable<>);
        return theirs.IsGenericType && theirs.GetGenericTypeDefinition() == definition
            && ours.GetGenericArguments().Zip(theirs.GetGenericArguments()).All(a => SameShape(a.First, a.Second));
    }
}
