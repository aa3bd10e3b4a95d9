using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plugins;

/// <summary>Builders of Spark Connect expressions for translator plug-ins.</summary>
public static class SparkExpressions
{
    /// <summary>A call of the Spark function <paramref name="name"/> (resolved by the server's function registry).</summary>
    public static SparkExpression Function(string name, params SparkExpression[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(arguments);
        return Expr.Fn(name, arguments);
    }

    /// <summary>A typed literal, chosen as for captured values (int → integer, decimal → decimal(p,s), null → a typed null…).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no Spark literal.</exception>
    public static SparkExpression Literal<T>(T value) =>
        Expr.Lit(LiteralFactory.TryCreate(value, typeof(T)) ?? throw new ArgumentException($"A value of type {typeof(T).Name} has no Spark literal.", nameof(value)));

    /// <summary><paramref name="value"/> cast to the Spark type that stores <paramref name="clrType"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="clrType"/> has no Spark type.</exception>
    public static SparkExpression Cast(SparkExpression value, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(clrType);
        return Expr.Cast(value, SparkTypes.For(clrType) ?? throw new ArgumentException($"{clrType.Name} has no Spark type.", nameof(clrType)));
    }
}
