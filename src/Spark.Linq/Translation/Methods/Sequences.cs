using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// What the array and map translators share: which C# sequences are values of the row (array or map columns, or
/// sequences built from them), their element types, and the Spark pieces that give C#'s answers and exceptions.
/// </summary>
internal static class Sequences
{
    /// <summary>
    /// True when <paramref name="source"/> is a sequence the row holds: not a local collection (those were evaluated on
    /// the client; <see cref="CollectionContainsTranslator"/> and the subquery translators take them), not another
    /// query, not the elements of a GroupBy group (<see cref="Grouping.GroupAggregateTranslator"/>), not text.
    /// </summary>
    public static bool IsRowSequence(TranslationContext context, Expression source)
    {
        source = StripConvert(source);
        if (source is ConstantExpression || !TypeClassifier.IsCollection(source.Type) || typeof(IQueryable).IsAssignableFrom(source.Type))
            return false;
        var root = source;
        while (root is MethodCallExpression { Method.IsStatic: true, Arguments.Count: > 0 } call && call.Method.DeclaringType == typeof(Enumerable))
            root = StripConvert(call.Arguments[0]);
        // A group's elements (GroupBy, GroupJoin's "into") are rows, not an array column.
        return root is not ConstantExpression && ShapeResolver.TryResolve(context, root) is not ({ Group: not null } or { IsComplex: true });
    }

    /// <summary>The element type of an array, list, set or other <c>IEnumerable&lt;T&gt;</c>, or null.</summary>
    public static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>(key, value) types of a dictionary type (<c>Dictionary</c>, <c>IDictionary</c>, <c>IReadOnlyDictionary</c> and their implementations), or null.</summary>
    public static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)));
        return dictionary?.GetGenericArguments() is [var key, var value] ? (key, value) : null;
    }

    /// <summary>
    /// Refuses LINQ operators over a dictionary's entries (a map column has no array of key-value pairs to filter or
    /// index), pointing at its Keys and Values, which translate.
    /// </summary>
    public static void RejectEntries(TranslationContext context, MethodCallExpression call, Expression source)
    {
        if (DictionaryTypes(StripConvert(source).Type) is not null)
            throw context.NotSupported(call, $"{call.Method.Name} over the entries of a dictionary column has no Spark translation.",
                "Use its Keys or Values (d.Values.Any(v => v > 0)), ContainsKey, the indexer, or Count.");
    }

    /// <summary>Translates the sequence (an array value).</summary>
    public static SparkValue Translate(TranslationContext context, Expression source) => ScalarTranslator.Translate(context, StripConvert(source));

    /// <summary>
    /// <c>Contains(x)</c> over an array. C# finds a null in a list holding one, and says false (never unknown) otherwise.
    /// Spark's <c>array_contains</c> is null when nothing matches but the array holds a null, or when x is null: so a
    /// nullable x tests each element with <c>&lt;=&gt;</c> (<c>exists</c>), and an array that may hold nulls has its
    /// unknown read as false.
    /// </summary>
    public static SparkValue Contains(TranslationContext context, SparkExpression array, Type elementType, Expression item)
    {
        var needle = ScalarTranslator.Translate(context, item);
        if (!context.CSharpNulls)
            return new SparkValue(Expr.Fn("array_contains", array, needle.Expression), typeof(bool), true);
        if (needle.CanBeNull)
        {
            var element = context.NewLambdaVariable();
            var test = Expr.Fn("<=>", Expr.LambdaVariable(element), needle.Expression);
            return SparkValue.NotNull(Expr.Fn("exists", array, Expr.Lambda(test, [element])), typeof(bool));
        }
        var contains = Expr.Fn("array_contains", array, needle.Expression);
        return TypeClassifier.CanBeNull(elementType)
            ? SparkValue.NotNull(Expr.Fn("coalesce", contains, Expr.Lit(false)), typeof(bool))
            : SparkValue.NotNull(contains, typeof(bool));
    }

    /// <summary><c>raise_error(message)</c>: fails the query where C# would throw, with C#'s message.</summary>
    public static SparkExpression Raise(string message) => Expr.Fn("raise_error", Expr.Lit(message));

    /// <summary>C#'s message for First, Single, Min, Max and Average of an empty sequence.</summary>
    public const string NoElements = "Sequence contains no elements";

    /// <summary>
    /// <paramref name="value"/>, or C#'s <c>default</c> of <paramref name="type"/> in its place when it is null and
    /// <paramref name="type"/> is a value type that can't be null (FirstOrDefault of an empty int[] is 0, not null).
    /// </summary>
    public static SparkValue OrDefault(SparkValue value, Type type)
    {
        if (TypeClassifier.CanBeNull(type)) return SparkValue.Of(value.Expression, type);
        var zero = LiteralFactory.TryCreate(Activator.CreateInstance(type), type)
            ?? throw new InvalidOperationException($"{type.Name} has no Spark literal for its default value.");
        return SparkValue.NotNull(Expr.Fn("coalesce", value.Expression, Expr.Lit(zero)), type);
    }

    /// <summary>The lambda argument at <paramref name="index"/> (quoted or not).</summary>
    public static LambdaExpression Lambda(MethodCallExpression call, int index) => (LambdaExpression)StripQuote(call.Arguments[index]);

    public static Expression StripQuote(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } q ? StripQuote(q.Operand) : e;

    /// <summary>The expression without conversions (a List passed as an IEnumerable, an element boxed to object).</summary>
    public static Expression StripConvert(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } u ? StripConvert(u.Operand) : e;
}
