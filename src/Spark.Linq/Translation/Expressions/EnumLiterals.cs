using System.Linq.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// C# compares an enum through its number (<c>(int)o.Status == 3</c>): the compiler folds the member into an
/// int constant, so the constant alone no longer says it was <c>OrderStatus.Shipped</c>. When the other side of a
/// comparison is an enum-typed value, the literal is noted as that enum, for plan snapshots only.
/// </summary>
internal static class EnumLiterals
{
    public static void NoteComparison(TranslationContext context, BinaryExpression binary, SparkValue left, SparkValue right)
    {
        if (binary.NodeType is not (ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
            or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual))
            return;
        Note(context, EnumOf(binary.Left), right.Expression);
        Note(context, EnumOf(binary.Right), left.Expression);
    }

    private static void Note(TranslationContext context, Type? enumType, SparkExpression other)
    {
        if (enumType is not null && other.ExprTypeCase == SparkExpression.ExprTypeOneofCase.Literal)
            context.LiteralTypes.Note(other.Literal, enumType);
    }

    /// <summary>The enum type of <paramref name="side"/> under the conversions C# adds, or null.</summary>
    private static Type? EnumOf(Expression side)
    {
        while (side is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            if (TypeClassifier.Unwrap(convert.Operand.Type).IsEnum) return TypeClassifier.Unwrap(convert.Operand.Type);
            side = convert.Operand;
        }
        return TypeClassifier.Unwrap(side.Type).IsEnum ? TypeClassifier.Unwrap(side.Type) : null;
    }
}
