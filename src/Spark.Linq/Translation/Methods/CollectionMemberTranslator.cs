using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Members of array and map columns: <c>list.Count</c>, <c>dictionary.Count</c> → <c>size</c> (and an array's <c>LongLength</c>; its
/// <c>Length</c> is <see cref="UnaryTranslator"/>'s ArrayLength), <c>dictionary.Keys</c> / <c>Values</c> →
/// <c>map_keys</c> / <c>map_values</c>, which every array operator then accepts.
/// </summary>
internal sealed class CollectionMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Expression is not { } owner || !Sequences.IsRowSequence(context, owner))
            return null;
        var isMap = Sequences.DictionaryTypes(owner.Type) is not null;
        return member.Member.Name switch
        {
            "Count" when member.Type == typeof(int) => SparkValue.NotNull(Expr.Fn("size", Sequences.Translate(context, owner).Expression), typeof(int)),
            // byte[] is binary: its length counts bytes.
            "LongLength" when owner.Type == typeof(byte[]) => LongOf(Expr.Fn("length", Sequences.Translate(context, owner).Expression)),
            "LongLength" when owner.Type.IsArray => LongOf(Expr.Fn("size", Sequences.Translate(context, owner).Expression)),
            "Keys" when isMap => Map(context, owner, "map_keys", member.Type),
            "Values" when isMap => Map(context, owner, "map_values", member.Type),
            _ => null,
        };
    }

    private static SparkValue LongOf(Spark.Connect.Protocol.Expression length) =>
        SparkValue.NotNull(Expr.Cast(length, new Spark.Connect.Protocol.DataType { Long = new() }), typeof(long));

    private static SparkValue Map(TranslationContext context, Expression owner, string function, Type type)
    {
        var map = Sequences.Translate(context, owner);
        return new SparkValue(Expr.Fn(function, map.Expression), type, map.CanBeNull);
    }
}
