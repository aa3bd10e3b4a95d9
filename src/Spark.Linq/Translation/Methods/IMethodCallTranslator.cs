using System.Linq.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Translates calls of one family of methods (string, Math, DateTime, …). Returns null for methods
/// it does not handle, so the next translator in the chain gets its turn.
/// </summary>
internal interface IMethodCallTranslator
{
    SparkValue? Translate(TranslationContext context, MethodCallExpression call);
}

/// <summary>Translates instance members of one family (string.Length, DateTime.Year, …), or returns null.</summary>
internal interface IMemberTranslator
{
    SparkValue? Translate(TranslationContext context, MemberExpression member);
}

/// <summary>The translators tried, in order, for method calls and members that are not row members.</summary>
internal static class MethodTranslatorChain
{
    public static IReadOnlyList<IMethodCallTranslator> All { get; } =
    [
        new Grouping.GroupAggregateTranslator(),
        new Joins.ScalarSubqueries(),
        new WindowFunctionTranslator(),
        new StringMethodTranslator(),
        new StringTransformTranslator(),
        new StringStaticTranslator(),
        new CollectionContainsTranslator(),
        new DictionaryProjectionTranslator(),
        new DictionaryEntriesTranslator(),
        new LocalSequenceTranslator(),
        new ArraySliceTranslator(),
        new ArrayCombineTranslator(),
        new ArrayFoldTranslator(),
        new ArrayIndexOfTranslator(),
        new ArrayOperatorTranslator(),
        new ArrayAggregateTranslator(),
        new ArrayElementTranslator(),
        new DictionaryTranslator(),
        new StringJoinTranslator(),
        new SparkFunctionsTranslator(),
        new MathMethodTranslator(),
        new DateTimeMethodTranslator(),
        new ConversionMethodTranslator(),
        new StringFormatTranslator(),
        new DateFormatTranslator(),
        new DateOnlyMethodTranslator(),
        new ScalarToString(),
        new ScalarEqualsTranslator(),
        new RejectedMethodTranslator(),
    ];

    public static IReadOnlyList<IMemberTranslator> Members { get; } =
    [
        new Grouping.GroupExtremumMemberTranslator(),
        new NullableMemberTranslator(),
        new CollectionMemberTranslator(),
        new StringMemberTranslator(),
        new DateTimeMemberTranslator(),
        new TimeSpanMemberTranslator(),
        new DateOnlyMemberTranslator(),
        new StructMemberTranslator(),
    ];
}
