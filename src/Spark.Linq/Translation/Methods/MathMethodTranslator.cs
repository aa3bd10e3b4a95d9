using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <see cref="Math"/> and <see cref="MathF"/> → Spark math functions, keeping the C# result type:
/// Spark's floor/ceil of a double are bigints and its float math is double, so those are cast back.
/// Math.Round is banker's rounding in C# (bround); MidpointRounding.AwayFromZero is Spark's round.
/// </summary>
internal sealed class MathMethodTranslator : IMethodCallTranslator
{
    private static readonly Dictionary<string, string> SameShape = new()
    {
        [nameof(Math.Abs)] = "abs", [nameof(Math.Sqrt)] = "sqrt", [nameof(Math.Cbrt)] = "cbrt", [nameof(Math.Exp)] = "exp",
        [nameof(Math.Log10)] = "log10", [nameof(Math.Pow)] = "power", [nameof(Math.Max)] = "greatest", [nameof(Math.Min)] = "least",
        [nameof(Math.Sin)] = "sin", [nameof(Math.Cos)] = "cos", [nameof(Math.Tan)] = "tan", [nameof(Math.Asin)] = "asin",
        [nameof(Math.Acos)] = "acos", [nameof(Math.Atan)] = "atan", [nameof(Math.Atan2)] = "atan2",
    };

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Math) && call.Method.DeclaringType != typeof(MathF)) return null;
        var inputs = call.Arguments.Where(a => a.Type != typeof(MidpointRounding)).Select(a => ScalarTranslator.Translate(context, a)).ToList();
        var x = inputs.Count > 0 ? inputs[0].Expression : null!;
        var name = call.Method.Name;
        var expression = name switch
        {
            _ when SameShape.TryGetValue(name, out var function) => Expr.Fn(function, inputs.Select(i => i.Expression).ToArray()),
            nameof(Math.Log) when inputs.Count == 1 => Expr.Fn("ln", x),
            // Math.Log(x, base); Spark's log takes the base first.
            nameof(Math.Log) when inputs.Count == 2 => Expr.Fn("log", inputs[1].Expression, x),
            nameof(Math.Floor) => Expr.Fn("floor", x),
            nameof(Math.Ceiling) => Expr.Fn("ceil", x),
            nameof(Math.Truncate) => Truncate(x),
            nameof(Math.Sign) => Expr.Fn("signum", x),
            nameof(Math.Round) => Round(context, call, x),
            _ => null,
        };
        if (expression is null) return null;
        return new SparkValue(CastBack(expression, name, call.Type), call.Type, inputs.Any(i => i.CanBeNull));
    }

    // Spark's results are double (or bigint for floor/ceil of a double); decimals stay decimals.
    private static SparkExpression CastBack(SparkExpression expression, string name, Type type)
    {
        if (type == typeof(float) && name is not (nameof(Math.Abs) or nameof(Math.Max) or nameof(Math.Min))) return MethodHelpers.CastTo(expression, type);
        if (type == typeof(double) && expression.UnresolvedFunction?.FunctionName is "floor" or "ceil" or "when") return MethodHelpers.CastTo(expression, type);
        if (type == typeof(int) && name == nameof(Math.Sign)) return MethodHelpers.CastTo(expression, type);
        return expression;
    }

    private static SparkExpression Truncate(SparkExpression x) =>
        Expr.Fn("when", Expr.Fn("<", x, Expr.Lit(0)), Expr.Fn("ceil", x), Expr.Fn("floor", x));

    /// <summary>Round(x), Round(x, digits), Round(x, mode), Round(x, digits, mode). Spark needs the digits as a literal.</summary>
    private static SparkExpression Round(TranslationContext context, MethodCallExpression call, SparkExpression x)
    {
        var digitsIndex = call.Arguments.Count > 1 && call.Arguments[1].Type == typeof(int) ? 1 : -1;
        var digits = digitsIndex > 0 ? MethodHelpers.Constant<int>(context, call, digitsIndex) : 0;
        var modeIndex = call.Arguments.Count - 1;
        var mode = call.Arguments[modeIndex].Type == typeof(MidpointRounding)
            ? MethodHelpers.Constant<MidpointRounding>(context, call, modeIndex)
            : MidpointRounding.ToEven;
        return mode switch
        {
            MidpointRounding.ToEven => Expr.Fn("bround", x, Expr.Lit(digits)),
            MidpointRounding.AwayFromZero => Expr.Fn("round", x, Expr.Lit(digits)),
            MidpointRounding.ToZero when digits == 0 => Truncate(x),
            MidpointRounding.ToNegativeInfinity when digits == 0 => Expr.Fn("floor", x),
            MidpointRounding.ToPositiveInfinity when digits == 0 => Expr.Fn("ceil", x),
            _ => throw context.NotSupported(call, $"Math.Round with MidpointRounding.{mode} and {digits} digits has no Spark translation.",
                "Use ToEven or AwayFromZero, or round to 0 digits."),
        };
    }
}
