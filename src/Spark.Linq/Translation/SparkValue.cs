using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation;

/// <summary>A translated scalar: the Spark expression, the CLR type it stands for, and whether it may be null.</summary>
internal readonly record struct SparkValue(SparkExpression Expression, Type ClrType, bool CanBeNull)
{
    public static SparkValue Of(SparkExpression expression, Type clrType) => new(expression, clrType, TypeClassifier.CanBeNull(clrType));

    public static SparkValue NotNull(SparkExpression expression, Type clrType) => new(expression, clrType, false);
}
