using System.ComponentModel.DataAnnotations.Schema;
using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Plans;

namespace Spark.Linq.Translation.Expressions;

/// <summary>
/// Enum members marked <c>[Column(TypeName = "string")]</c> hold the enum's NAME in Spark. C# compares
/// enums through their numbers (<c>Convert(x.Status, Int32) == 2</c>), so the constant side is mapped
/// back to its name and the comparison is made on strings.
/// </summary>
internal static class EnumAsString
{
    /// <summary>The enum type when <paramref name="expression"/> (under any conversions) is a row member stored as the enum's name.</summary>
    public static Type? StoredAsName(Expression expression)
    {
        var e = StripConversions(expression);
        if (e is not MemberExpression member || !TypeClassifier.Unwrap(member.Type).IsEnum) return null;
        var typeName = member.Member.GetCustomAttribute<ColumnAttribute>()?.TypeName;
        return string.Equals(typeName, "string", StringComparison.OrdinalIgnoreCase) ? TypeClassifier.Unwrap(member.Type) : null;
    }

    /// <summary><c>==</c>/<c>!=</c> where one side is stored as a name; null if neither side is.</summary>
    public static SparkValue? TryCompare(TranslationContext context, BinaryExpression binary)
    {
        var leftEnum = StoredAsName(binary.Left);
        var rightEnum = StoredAsName(binary.Right);
        if (leftEnum is null && rightEnum is null) return null;
        if (binary.NodeType is not (ExpressionType.Equal or ExpressionType.NotEqual))
            throw context.NotSupported(binary, $"{(leftEnum ?? rightEnum)!.Name} is stored as names, so {binary.NodeType} would compare names, not values.",
                "Compare with == or != only, or map the enum as a number.");
        var left = Side(context, binary, binary.Left, leftEnum ?? rightEnum!, leftEnum is not null);
        var right = Side(context, binary, binary.Right, rightEnum ?? leftEnum!, rightEnum is not null);
        return binary.NodeType == ExpressionType.Equal ? NullSemantics.Equal(context, left, right) : NullSemantics.NotEqual(context, left, right);
    }

    /// <summary>The literal of an enum value as it is stored: its name (its number when it has no name).</summary>
    public static Spark.Connect.Protocol.Expression NameLiteral(Type enumType, object value) =>
        Expr.Lit(Enum.ToObject(enumType, value).ToString() ?? string.Empty);

    /// <summary>The enum's number from its stored name: <c>when(col == 'A', 0, col == 'B', 1, …)</c>; an unknown name gives null.</summary>
    public static Spark.Connect.Protocol.Expression ToNumber(Type enumType, Spark.Connect.Protocol.Expression names)
    {
        var underlying = Enum.GetUnderlyingType(enumType);
        var arguments = new List<Spark.Connect.Protocol.Expression>();
        foreach (var value in Enum.GetValues(enumType))
        {
            arguments.Add(Expr.Fn("==", names, NameLiteral(enumType, value)));
            arguments.Add(Expr.Lit(LiteralFactory.TryCreate(Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture), underlying)!));
        }
        arguments.Add(Expr.Lit(LiteralFactory.TryCreate(null, underlying)!));
        return Expr.Fn("when", arguments.ToArray());
    }

    private static SparkValue Side(TranslationContext context, BinaryExpression binary, Expression side, Type enumType, bool isColumn)
    {
        var stripped = StripConversions(side);
        if (isColumn) return ScalarTranslator.Translate(context, stripped) with { ClrType = typeof(string) };
        if (stripped is ConstantExpression { Value: { } value })
        {
            var name = NameLiteral(enumType, value);
            context.LiteralTypes.Note(name.Literal, enumType);
            return SparkValue.NotNull(name, typeof(string));
        }
        throw context.NotSupported(binary, $"{enumType.Name} is stored as names; it can only be compared with a value known before the query runs or another member stored as names.",
            "Compare with an enum constant or a captured variable.");
    }

    private static Expression StripConversions(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u ? StripConversions(u.Operand) : e;
}
