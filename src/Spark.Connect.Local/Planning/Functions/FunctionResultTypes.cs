using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>One argument as the resolver typed it. For a LambdaFunction argument, Type is the lambda body's type.</summary>
internal readonly record struct TypedArgument(DataType Type, bool Nullable, Expression Source);

/// <summary>A call's Spark result type and whether it can be null.</summary>
internal readonly record struct FunctionResult(DataType Type, bool Nullable);

/// <summary>
/// Spark's result type and nullability of a function call, from its arguments' Spark types alone (no
/// DuckDB). Each family declares its rule next to its renderer in <see cref="FunctionRegistry"/>.
/// </summary>
internal static class FunctionResultTypes
{
    /// <summary>
    /// Throws LocalEngineException exactly like SparkFunctionCatalog.Render would for unknown names (UNRESOLVED_ROUTINE
    /// or UNSUPPORTED_FEATURE.LOCAL_ENGINE) / wrong counts,
    /// and Spark's DATATYPE_MISMATCH.* (SQLSTATE 42K09) classes where Spark's analyzer rejects the argument types.
    /// </summary>
    public static FunctionResult Of(string name, IReadOnlyList<TypedArgument> arguments, bool isDistinct, bool isWindowed)
    {
        var renderer = FunctionRegistry.Find(name);
        // The renderer is the one place that checks argument counts, literal arguments and DISTINCT/OVER;
        // rendering with the typed arguments (and placeholder SQL) raises exactly its errors.
        var sqlArguments = arguments.Select((a, i) => Placeholder(a, i)).ToList();
        var context = new TypedRenderContext();
        if (isWindowed)
            SparkFunctionCatalog.RenderWindow(name, sqlArguments, "OVER ()", context);
        else
            SparkFunctionCatalog.Render(name, sqlArguments, isDistinct, context);
        return renderer.ResultType(new TypedCall(name, arguments, isDistinct, isWindowed));
    }

    /// <summary>An argument as placeholder SQL <c>a{i}</c>; a lambda gets placeholder parameters and the body <c>a{i}</c>.</summary>
    private static SqlArgument Placeholder(TypedArgument argument, int index)
    {
        var name = "a" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (argument.Source.ExprTypeCase != Expression.ExprTypeOneofCase.LambdaFunction)
            return new SqlArgument(name, argument.Source, argument.Type);
        var parameters = argument.Source.LambdaFunction.Arguments.Select((_, p) => $"{name}_p{p}").ToList();
        var lambda = LambdaSql.Of(parameters, name);
        return new SqlArgument(lambda.Text, argument.Source, argument.Type, lambda);
    }

    /// <summary>Renders against the arguments' declared types only; parameters become unused placeholders.</summary>
    private sealed class TypedRenderContext : IFunctionRenderContext
    {
        public string? TypeOf(SqlArgument argument) => null;

        public string Bind(Expression.Types.Literal value) => "$0";
    }
}
