using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>x.ToString()</c> and <c>Convert.ToString(x)</c> on scalars → <c>CAST(x AS string)</c>, where the
/// text is the same as C#'s: integers, strings, chars, Guids (stored as text). bool prints as
/// True/False in C# (Spark: true/false), so it is spelt out; enums print their names. Dates and
/// floating values format by culture and precision rules Spark doesn't share, and are rejected.
/// </summary>
internal sealed class ScalarToString : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.Name != nameof(ToString) || call.Method.IsStatic || call.Object is null) return null;
        if (call.Arguments.Count != 0)
            throw context.NotSupported(call, $"{call.Object.Type.Name}.ToString with a format or culture has no Spark translation.",
                "Use ToString() without arguments, or SparkFunctions.Call<string>(\"format_number\" / \"date_format\", …).");
        if (!TypeClassifier.IsScalar(call.Object.Type)) return null;
        return Translate(context, call, call.Object);
    }

    public static SparkValue Translate(TranslationContext context, MethodCallExpression call, Expression operand)
    {
        while (operand is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object)) operand = u.Operand;
        var type = TypeClassifier.Unwrap(operand.Type);
        var nullableStruct = Nullable.GetUnderlyingType(operand.Type) is not null;
        var (value, text) = Text(context, call, operand);
        // Nullable<T>.ToString() of null is ""; Convert.ToString(null object) is "" as well.
        if (value.CanBeNull && context.CSharpNulls && (nullableStruct || call.Method.DeclaringType == typeof(Convert) && type != typeof(string)))
            return SparkValue.NotNull(Expr.Fn("coalesce", text, Expr.Lit(string.Empty)), typeof(string));
        return new SparkValue(text, typeof(string), value.CanBeNull);
    }

    /// <summary>
    /// The operand's value and its text as C#'s ToString() writes it (null stays null), or an error naming
    /// <paramref name="origin"/> for types C# formats by culture. String concatenation uses the same rules.
    /// </summary>
    public static (SparkValue Value, SparkExpression Text) Text(TranslationContext context, Expression origin, Expression operand)
    {
        while (operand is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object)) operand = u.Operand;
        var type = TypeClassifier.Unwrap(operand.Type);
        SparkValue value;
        SparkExpression text;
        if (type.IsEnum && EnumAsString.StoredAsName(operand) is not null)
        {
            value = ScalarTranslator.Translate(context, StripConvert(operand));
            text = value.Expression;
        }
        else
        {
            value = ScalarTranslator.Translate(context, operand);
            text = type switch
            {
                _ when type == typeof(string) || type == typeof(char) || type == typeof(Guid) => value.Expression,
                _ when type == typeof(bool) => Expr.Fn("when", value.Expression, Expr.Lit("True"), Expr.Lit("False")),
                _ when type.IsEnum => EnumNames(type, value.Expression),
                _ when IsIntegral(type) => MethodHelpers.CastTo(value.Expression, typeof(string)),
                _ => throw context.NotSupported(origin, $"{type.Name} values are formatted by culture and precision rules Spark doesn't share.",
                    "Format on the client after AsEnumerable(), or use SparkFunctions.Call<string>(\"date_format\" / \"format_number\", …)."),
            };
        }
        return (value, text);
    }

    // Numbers stored for an enum print as the member's name; undefined values print as the number, as in C#.
    private static SparkExpression EnumNames(Type enumType, SparkExpression value)
    {
        var arguments = new List<SparkExpression>();
        foreach (var member in Enum.GetValues(enumType))
        {
            arguments.Add(Expr.Fn("==", value, Expr.Lit(LiteralFactory.TryCreate(member, enumType)!)));
            arguments.Add(Expr.Lit(member.ToString()!));
        }
        arguments.Add(MethodHelpers.CastTo(value, typeof(string)));
        return arguments.Count == 1 ? arguments[0] : Expr.Fn("when", arguments.ToArray());
    }

    private static bool IsIntegral(Type t) =>
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);

    private static Expression StripConvert(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? StripConvert(u.Operand) : e;
}
