using System.Linq.Expressions;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// Arithmetic, comparison, logical operators, <c>??</c> and string concatenation, with C# meaning:
/// integer division truncates, and under C# null semantics equality treats null as equal to null
/// and a comparison with null is false (see <see cref="NullSemantics"/>).
/// </summary>
internal static class BinaryTranslator
{
    public static SparkValue Translate(TranslationContext context, BinaryExpression binary)
    {
        if (binary.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && NullCheck(context, binary) is { } nullCheck)
            return nullCheck;
        if (binary.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
            && EnumAsString.TryCompare(context, binary) is { } enumComparison)
            return enumComparison;
        if (binary.NodeType == ExpressionType.Add && binary.Type == typeof(string))
            return StringConcat.Translate(context, binary.Left, binary.Right);
        if (binary.NodeType == ExpressionType.ArrayIndex)
            return ArrayIndex(context, binary);

        var left = Operand(context, binary.Left, binary.Right);
        var right = Operand(context, binary.Right, binary.Left);
        EnumLiterals.NoteComparison(context, binary, left, right);
        return Combine(context, binary, left, right);
    }

    // Kept out of Translate, which recurses once per level of nesting: this switch's temporaries would
    // otherwise make every level's stack frame several times larger.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SparkValue Combine(TranslationContext context, BinaryExpression binary, SparkValue left, SparkValue right)
    {
        var nullable = left.CanBeNull || right.CanBeNull;
        return binary.NodeType switch
        {
            ExpressionType.Equal => NullSemantics.Equal(context, left, right),
            ExpressionType.NotEqual => NullSemantics.NotEqual(context, left, right),
            ExpressionType.LessThan => NullSemantics.Compare(context, "<", left, right),
            ExpressionType.LessThanOrEqual => NullSemantics.Compare(context, "<=", left, right),
            ExpressionType.GreaterThan => NullSemantics.Compare(context, ">", left, right),
            ExpressionType.GreaterThanOrEqual => NullSemantics.Compare(context, ">=", left, right),
            ExpressionType.AndAlso or ExpressionType.And when IsBool(binary) => new(Expr.Fn("and", left.Expression, right.Expression), binary.Type, nullable),
            ExpressionType.OrElse or ExpressionType.Or when IsBool(binary) => new(Expr.Fn("or", left.Expression, right.Expression), binary.Type, nullable),
            ExpressionType.And => new(Expr.Fn("&", left.Expression, right.Expression), binary.Type, nullable),
            ExpressionType.Or => new(Expr.Fn("|", left.Expression, right.Expression), binary.Type, nullable),
            ExpressionType.ExclusiveOr => new(Expr.Fn("^", left.Expression, right.Expression), binary.Type, nullable),
            ExpressionType.Add or ExpressionType.AddChecked => Arithmetic("+", left, right, binary.Type),
            ExpressionType.Subtract or ExpressionType.SubtractChecked => Arithmetic("-", left, right, binary.Type),
            ExpressionType.Multiply or ExpressionType.MultiplyChecked => Arithmetic("*", left, right, binary.Type),
            ExpressionType.Divide => Divide(left, right, binary.Type),
            ExpressionType.Modulo => Arithmetic("%", left, right, binary.Type),
            ExpressionType.Power => Arithmetic("power", left, right, binary.Type),
            ExpressionType.Coalesce => new(Expr.Fn("coalesce", left.Expression, right.Expression), binary.Type, right.CanBeNull),
            _ => throw context.NotSupported(binary, $"the operator {binary.NodeType} has no Spark equivalent."),
        };
    }

    /// <summary>
    /// An operand; C#'s widening of it is left to Spark (no Cast) when the other operand already has the wider type
    /// (<c>x.Int &gt; 5L</c>, <c>x.Int + x.Long</c>): Spark coerces the narrower side to the same type itself.
    /// </summary>
    private static SparkValue Operand(TranslationContext context, Expression operand, Expression other)
    {
        if (Conversion.IsWideningConvert(operand, out var target) && !Conversion.IsWideningConvert(other, out _)
            && TypeClassifier.Unwrap(other.Type) == TypeClassifier.Unwrap(target))
        {
            var convert = (UnaryExpression)operand;
            return Conversion.Translate(context, convert.Operand, convert.Type, convert, sparkWidens: true);
        }
        return ScalarTranslator.Translate(context, operand);
    }

    private static bool IsBool(BinaryExpression binary) => TypeClassifier.Unwrap(binary.Type) == typeof(bool);

    private static SparkValue Arithmetic(string op, SparkValue left, SparkValue right, Type type) =>
        new(Expr.Fn(op, left.Expression, right.Expression), type, left.CanBeNull || right.CanBeNull);

    /// <summary>
    /// Spark's <c>/</c> always yields a double (or decimal). C# integer division truncates, which is
    /// Spark's <c>div</c> (a bigint), cast back to the C# result type.
    /// </summary>
    private static SparkValue Divide(SparkValue left, SparkValue right, Type type)
    {
        var t = TypeClassifier.Unwrap(type);
        if (t == typeof(float) || t == typeof(double) || t == typeof(decimal))
            return Arithmetic("/", left, right, type);
        var quotient = Expr.Fn("div", left.Expression, right.Expression);
        var result = t == typeof(long) ? quotient : Expr.Cast(quotient, SparkTypes.For(t)!);
        return new(result, type, left.CanBeNull || right.CanBeNull);
    }

    /// <summary><c>x == null</c> / <c>x != null</c> become isnull / isnotnull.</summary>
    private static SparkValue? NullCheck(TranslationContext context, BinaryExpression binary)
    {
        var operand = IsNull(binary.Right) ? binary.Left : IsNull(binary.Left) ? binary.Right : null;
        if (operand is null) return null;
        // The right side of a left join is null when it had no match: test the column that says so.
        if (ShapeResolver.TryResolve(context, operand) is { MissingWhenNull: { } probe })
            return SparkValue.NotNull(Expr.Fn(binary.NodeType == ExpressionType.Equal ? "isnull" : "isnotnull", probe), typeof(bool));
        var value = ScalarTranslator.Translate(context, operand);
        var function = binary.NodeType == ExpressionType.Equal ? "isnull" : "isnotnull";
        return SparkValue.NotNull(Expr.Fn(function, value.Expression), typeof(bool));
    }

    private static bool IsNull(Expression e) =>
        e is ConstantExpression { Value: null } || e is UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression { Value: null } };

    // array[i]: C# counts from 0 and throws outside the array.
    private static SparkValue ArrayIndex(TranslationContext context, BinaryExpression binary) =>
        Methods.ArrayElementTranslator.Index(context, binary.Left, binary.Right, binary.Type, Methods.ArrayElementTranslator.ArrayIndexMessage);
}
