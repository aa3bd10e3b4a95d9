using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>A window expression: the function (aggregate, ranking or offset) with its partitioning, ordering and frame.</summary>
internal static class WindowResolver
{
    internal static ResolvedExpression Resolve(ExpressionResolver expressions, Expression expression, ResolutionScope scope)
    {
        var window = expression.Window;
        var (windowFunction, orderedSetName) = OrderedSetWindowChecks.Unwrap(window);
        if (windowFunction.ExprTypeCase != Expression.ExprTypeOneofCase.UnresolvedFunction)
            throw LocalEngineException.Unsupported($"a window over a '{windowFunction.ExprTypeCase}' expression", "Apply a window to a function call.");
        var call = windowFunction.UnresolvedFunction;
        InverseDistributionFunctions.CheckReachable(call);
        OrderedSetWindowChecks.Check(orderedSetName, call.FunctionName, window);
        if (orderedSetName is not null && FunctionRegistry.TryFind(call.FunctionName) is null)
            throw LocalEngineException.Unsupported($"the Spark SQL construct {orderedSetName}",
                "Use percentile_cont(p) WITHIN GROUP (ORDER BY x), mode() WITHIN GROUP (ORDER BY x), percentile or percentile_approx.");
        if (call.IsUserDefinedFunction || call.IsDistinct)
            throw LocalEngineException.Unsupported($"'{call.FunctionName}' with DISTINCT or as a user-defined function in a window", "Use a built-in function without DISTINCT.");
        // count(*) OVER (…) counts rows, as the aggregate does.
        var arguments = call.Arguments.Select(a => a.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar && call.Arguments.Count == 1
                && call.FunctionName.Equals("count", StringComparison.OrdinalIgnoreCase)
            ? new StarArgument(a) : expressions.Resolve(a, scope)).ToList();
        if (FunctionRegistry.TryFind(call.FunctionName) is { Kind: FunctionKind.Scalar })
            throw LocalEngineException.Unsupported($"'{call.FunctionName}' as a window function",
                "Only aggregate functions and ranking/offset functions (row_number, rank, lag, …) can be used with OVER.");
        var (type, nullable) = FunctionTyping.Of(expressions.Context, call.FunctionName, arguments, false, windowed: true);
        var function = new FunctionExpression(call.FunctionName, arguments, false, type, nullable, windowFunction);
        var order = window.OrderSpec.Select(o => expressions.SortKey(o, scope)).ToList();
        var frame = window.FrameSpec is { FrameType: not Expression.Types.Window.Types.WindowFrame.Types.FrameType.Undefined } specified ? specified : null;
        WindowFrameChecks.Check(call.FunctionName, frame, order);
        return new WindowExpression(function, window.PartitionSpec.Select(p => expressions.Resolve(p, scope)).ToList(), order, frame, expression);
    }
}
