using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary><c>!</c>, unary minus, and conversions (casts).</summary>
internal static class UnaryTranslator
{
    public static SparkValue Translate(TranslationContext context, UnaryExpression unary)
    {
        switch (unary.NodeType)
        {
            case ExpressionType.Not when TypeClassifier.Unwrap(unary.Type) == typeof(bool):
            {
                var operand = ScalarTranslator.Translate(context, unary.Operand);
                return operand with { Expression = Expr.Fn("not", operand.Expression) };
            }
            case ExpressionType.Not:
            case ExpressionType.OnesComplement:
            {
                var operand = ScalarTranslator.Translate(context, unary.Operand);
                return operand with { Expression = Expr.Fn("~", operand.Expression), ClrType = unary.Type };
            }
            case ExpressionType.Negate or ExpressionType.NegateChecked:
            {
                var operand = ScalarTranslator.Translate(context, unary.Operand);
                return operand with { Expression = Expr.Fn("negative", operand.Expression) };
            }
            // byte[] is binary (its length counts bytes); any other array is an array column.
            case ExpressionType.ArrayLength when unary.Operand.Type == typeof(byte[]):
                return SparkValue.NotNull(Expr.Fn("length", ScalarTranslator.Translate(context, unary.Operand).Expression), typeof(int));
            case ExpressionType.ArrayLength:
                return SparkValue.NotNull(Expr.Fn("size", ScalarTranslator.Translate(context, unary.Operand).Expression), typeof(int));
            case ExpressionType.UnaryPlus or ExpressionType.Quote:
                return ScalarTranslator.Translate(context, unary.Operand);
            case ExpressionType.TypeAs when !unary.Type.IsAssignableFrom(WithoutBoxing(unary.Operand).Type):
                throw context.NotSupported(unary, $"'as {unary.Type.Name}' is a type test; Spark columns have one type, so it has no equivalent.",
                    "Select the member with its own type, or call AsEnumerable() before this part so it runs on the client.");
            case ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs:
                return Conversion.Translate(context, unary.Operand, unary.Type, unary);
            default:
                throw context.NotSupported(unary, $"the operator {unary.NodeType} has no Spark equivalent.");
        }
    }

    // (object)x.Amount as string: what is tested is the value inside the box.
    private static Expression WithoutBoxing(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? WithoutBoxing(u.Operand) : e;
}

/// <summary>
/// Conversions. Those that keep the Spark type (T → T?, enum → its underlying type, ushort → int) need no cast.
/// A numeric widening (<c>(long)x.Int</c>, <c>(double)…</c>, <c>(decimal)…</c>) is a <c>Cast</c> to the wider type, as
/// the official clients' <c>col.cast("bigint")</c>: the result column has the C# type, and <c>(long)a * b</c> multiplies
/// in bigint as C# does instead of overflowing int. Where Spark would widen the same way by itself (an operand of a
/// comparison or arithmetic whose other side already has the wider type: <c>x.Int &gt; 5L</c>), the binary translator
/// asks for no cast (<c>sparkWidens</c>), so C#'s implicit widenings add nothing to the plan. Narrowing and
/// cross-type conversions become <c>Cast</c>.
/// </summary>
internal static class Conversion
{
    public static SparkValue Translate(TranslationContext context, Expression operandExpression, Type target, Expression whole, bool sparkWidens = false)
    {
        var operand = ScalarTranslator.Translate(context, operandExpression);
        var to = TypeClassifier.Unwrap(target);
        if (!to.IsEnum && to != typeof(object) && EnumAsString.StoredAsName(operandExpression) is { } enumType)
            operand = new SparkValue(EnumAsString.ToNumber(enumType, operand.Expression), Enum.GetUnderlyingType(enumType), operand.CanBeNull);
        // A char is stored as a one-character string; its number is the code point (ascii() reads the first one).
        if (TypeClassifier.Unwrap(operand.ClrType) == typeof(char) && to != typeof(char) && to != typeof(object) && to != typeof(string))
            operand = operand with { Expression = Expr.Fn("ascii", operand.Expression), ClrType = typeof(int) };
        var from = TypeClassifier.Unwrap(operand.ClrType);
        if (from.IsEnum) from = Enum.GetUnderlyingType(from);
        if (to.IsEnum) to = Enum.GetUnderlyingType(to);
        if (from == to || to == typeof(object) || IsWidening(from, to) && (sparkWidens || Equals(SparkTypes.For(from), SparkTypes.For(to))))
            return operand with { ClrType = target, CanBeNull = operand.CanBeNull && TypeClassifier.CanBeNull(target) || operand.CanBeNull && to == typeof(object) };
        if (IsWidening(from, to))
            return new SparkValue(Expr.Cast(operand.Expression, WidenedType(from, to)), target, operand.CanBeNull);
        var sparkType = SparkTypes.For(to) ?? throw context.NotSupported(whole, $"Spark has no type for {to.Name}.");
        // C# truncates floating values towards zero when casting to an integer, and so does Spark's cast.
        return new SparkValue(Expr.Cast(operand.Expression, sparkType), target, operand.CanBeNull);
    }

    /// <summary>Whether <paramref name="e"/> is a numeric widening (the kind <see cref="Translate"/> may leave to Spark).</summary>
    public static bool IsWideningConvert(Expression e, out Type target)
    {
        target = e.Type;
        if (e is not UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) return false;
        var from = TypeClassifier.Unwrap(convert.Operand.Type);
        var to = TypeClassifier.Unwrap(convert.Type);
        return !from.IsEnum && !to.IsEnum && IsWidening(from, to);
    }

    /// <summary>The type Spark itself widens to: an integral value to decimal becomes the exact decimal(p,0) Spark uses for it, not decimal(38,18).</summary>
    private static Spark.Connect.Protocol.DataType WidenedType(Type from, Type to)
    {
        if (to != typeof(decimal)) return SparkTypes.For(to)!;
        var digits = from == typeof(sbyte) || from == typeof(byte) ? 3 : from == typeof(short) || from == typeof(ushort) ? 5 : from == typeof(int) || from == typeof(uint) ? 10 : 20;
        return SparkTypes.Decimal(digits, 0);
    }

    private static readonly Type[] IntegralOrder = [typeof(sbyte), typeof(short), typeof(int), typeof(long)];

    private static bool IsWidening(Type from, Type to)
    {
        if (to == typeof(double) && (IsIntegral(from) || from == typeof(float))) return true;
        if (to == typeof(float) && IsIntegral(from)) return true;
        if (to == typeof(decimal) && IsIntegral(from)) return true;
        var a = Rank(from);
        var b = Rank(to);
        return a >= 0 && b >= 0 && a < b;
    }

    private static bool IsIntegral(Type t) => Rank(t) >= 0;

    private static int Rank(Type t) =>
        t == typeof(byte) ? 1 : t == typeof(ushort) ? 2 : t == typeof(uint) ? 3 : Array.IndexOf(IntegralOrder, t);
}
