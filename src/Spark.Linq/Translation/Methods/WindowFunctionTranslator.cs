using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;
using WindowFrame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Window functions of <see cref="SparkFunctions"/> (those whose last parameter is a <see cref="WindowSpec"/>)
/// → a <c>Window</c> expression: the function, the partition and order keys, and the frame. Frame bounds
/// are read when translating (0 → CURRENT ROW, the Unbounded constants → UNBOUNDED), so they are part of
/// the plan's shape and never literals that a cached plan re-binds. Spark allows window functions only in
/// a projection, so they translate only in Select and in the result selectors of joins (which are then
/// projected at once).
/// </summary>
internal sealed class WindowFunctionTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var parameters = call.Method.GetParameters();
        if (call.Method.DeclaringType != typeof(SparkFunctions) || parameters.Length == 0 || parameters[^1].ParameterType != typeof(WindowSpec))
            return null;
        if (context.Operator is not (nameof(Queryable.Select) or nameof(Queryable.Join) or "LeftJoin" or "RightJoin" or nameof(Queryable.SelectMany)))
            throw context.NotSupported(call, "window functions can only be computed in a Select (Spark evaluates them over the rows a projection sees).",
                "Select the value into a member first, then filter or sort on it: .Select(o => new { o, N = SparkFunctions.RowNumber(…) }).Where(x => x.N <= 3).");
        context.WindowSeen = true;
        var name = call.Method.GetCustomAttribute<SparkFunctionAttribute>()!.Name;
        var arguments = call.Arguments.Take(call.Arguments.Count - 1).Select(a => ScalarTranslator.Translate(context, a).Expression).ToArray();
        var window = new SparkExpression.Types.Window { WindowFunction = Expr.Fn(name, arguments) };
        Spec(context, call.Arguments[^1], window);
        var canBeNull = name is "lag" or "lead" or "min" or "max" or "avg" or "sum" || TypeClassifier.CanBeNull(call.Type);
        return new SparkValue(new SparkExpression { Window = window }, call.Type, canBeNull);
    }

    /// <summary>Walks Window.X(…).Y(…)… from the start, filling partition keys, order keys and the frame.</summary>
    private static void Spec(TranslationContext context, Expression spec, SparkExpression.Types.Window window)
    {
        if (spec is not MethodCallExpression call || (call.Method.DeclaringType != typeof(Window) && call.Method.DeclaringType != typeof(WindowSpec)))
            throw context.NotSupported(spec, "a window must be built inline with Window.PartitionBy/OrderBy inside the query.",
                "Write the window where the function is called, e.g. SparkFunctions.Rank(Window.PartitionBy(o.Region).OrderBy(o.Amount)).");
        if (call.Object is not null) Spec(context, call.Object, window);
        switch (call.Method.Name)
        {
            case nameof(Window.PartitionBy):
                foreach (var key in Spread(call.Arguments[0]))
                    window.PartitionSpec.Add(ScalarTranslator.Translate(context, key).Expression);
                break;
            case nameof(Window.OrderBy) or nameof(Window.OrderByDescending) or nameof(WindowSpec.ThenBy) or nameof(WindowSpec.ThenByDescending):
                var descending = call.Method.Name.EndsWith("Descending", StringComparison.Ordinal);
                window.OrderSpec.Add(Expr.Sort(ScalarTranslator.Translate(context, call.Arguments[0]).Expression, descending, nullsFirst: !descending));
                break;
            case nameof(WindowSpec.RowsBetween) or nameof(WindowSpec.RangeBetween):
                var rows = call.Method.Name == nameof(WindowSpec.RowsBetween);
                window.FrameSpec = new WindowFrame
                {
                    FrameType = rows ? WindowFrame.Types.FrameType.Row : WindowFrame.Types.FrameType.Range,
                    Lower = Bound(context, call, call.Arguments[0], rows),
                    Upper = Bound(context, call, call.Arguments[1], rows),
                };
                break;
        }
    }

    private static WindowFrame.Types.FrameBoundary Bound(TranslationContext context, MethodCallExpression call, Expression argument, bool rows)
    {
        if (argument is not ConstantExpression { Value: long value })
            throw context.NotSupported(call, "a frame bound must be known before the query runs, not read from the row.", "Pass a constant or a captured variable.");
        if (value is Window.UnboundedPreceding or Window.UnboundedFollowing) return new() { Unbounded = true };
        if (value == Window.CurrentRow) return new() { CurrentRow = true };
        // As the official client sends them: ROWS offsets are ints, RANGE offsets longs.
        if (rows && value is < int.MinValue or > int.MaxValue)
            throw context.NotSupported(call, $"a ROWS frame offset of {value} is out of range.", "Use an offset that fits an int, or the Unbounded constants.");
        return new() { Value = rows ? Expr.Lit((int)value) : Expr.Lit(new SparkExpression.Types.Literal { Long = value }) };
    }

    // PartitionBy() with no keys arrives as an evaluated empty array.
    private static IEnumerable<Expression> Spread(Expression argument) =>
        argument is ConstantExpression { Value: object?[] { Length: 0 } } ? []
        : argument is NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array
            ? array.Expressions.Select(e => e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e)
            : [argument];
}
