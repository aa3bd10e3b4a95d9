using System.Globalization;
using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// A call as the result-type rules see it: Spark types and nullability of the arguments. The helpers
/// check argument types the way Spark's analyzer does (raising DATATYPE_MISMATCH.*) and build results.
/// Argument counts are already checked (by the renderer) when a rule runs.
/// </summary>
internal sealed record TypedCall(string Name, IReadOnlyList<TypedArgument> Arguments, bool IsDistinct, bool IsWindowed)
{
    /// <summary>Number of arguments.</summary>
    public int Count => Arguments.Count;

    /// <summary>The Spark type of argument <paramref name="index"/>.</summary>
    public DataType Type(int index) => Arguments[index].Type;

    /// <summary>Whether argument <paramref name="index"/> can be null.</summary>
    public bool Nullable(int index) => Arguments[index].Nullable;

    /// <summary>True when any argument can be null.</summary>
    public bool AnyNullable => Arguments.Any(a => a.Nullable);

    /// <summary>A result of <paramref name="type"/> that is null when any argument is (most of Spark's functions).</summary>
    public FunctionResult Strict(DataType type) => new(type, AnyNullable);

    /// <summary>A result of <paramref name="type"/> that is never null.</summary>
    public static FunctionResult NeverNull(DataType type) => new(type, false);

    /// <summary>A result of <paramref name="type"/> that may be null whatever the arguments (aggregates over no rows, division).</summary>
    public static FunctionResult MaybeNull(DataType type) => new(type, true);

    /// <summary>A result of <paramref name="type"/> that may be null whatever the arguments (after checks chained before it).</summary>
    public FunctionResult AlwaysNullable(DataType type) => new(type, true);

    /// <summary>Checks that argument <paramref name="index"/> has a type <paramref name="accepts"/>, else Spark's UNEXPECTED_INPUT_TYPE.</summary>
    public TypedCall Require(int index, Func<DataType, bool> accepts, string requiredType)
    {
        if (index < Count && !accepts(Type(index)))
            throw WrongType(index, requiredType);
        return this;
    }

    /// <summary>Checks every argument from <paramref name="start"/> on.</summary>
    public TypedCall RequireAll(Func<DataType, bool> accepts, string requiredType, int start = 0)
    {
        for (var i = start; i < Count; i++) Require(i, accepts, requiredType);
        return this;
    }

    /// <summary>The common type of the arguments at <paramref name="indexes"/>, or Spark's DATA_DIFF_TYPES.</summary>
    public DataType CommonType(IEnumerable<int> indexes)
    {
        var list = indexes.ToList();
        return SparkTypeCoercion.Wider(list.Select(Type)) ?? throw DifferentTypes(list);
    }

    /// <summary>Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument <paramref name="index"/>.</summary>
    public LocalEngineException WrongType(int index, string requiredType)
    {
        var ordinal = Ordinal(index + 1);
        var inputType = SparkTypes.Name(Type(index));
        return new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
            $"Cannot resolve `{Name}` due to data type mismatch: the {ordinal} parameter requires the {requiredType} type, " +
            $"however it has the type \"{inputType}\".",
            new Dictionary<string, string>
            {
                ["functionName"] = $"`{Name}`",
                ["paramIndex"] = ordinal,
                ["requiredType"] = requiredType,
                ["inputType"] = $"\"{inputType}\"",
            });
    }

    /// <summary>Spark's DATATYPE_MISMATCH.DATA_DIFF_TYPES: arguments that must share a type have none in common.</summary>
    public LocalEngineException DifferentTypes(IReadOnlyList<int> indexes)
    {
        var types = string.Join(", ", indexes.Select(i => $"\"{SparkTypes.Name(Type(i))}\""));
        return new LocalEngineException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "42K09",
            $"Cannot resolve `{Name}` due to data type mismatch: input to `{Name}` should all be the same type, but it's [{types}].",
            new Dictionary<string, string> { ["functionName"] = $"`{Name}`", ["dataType"] = $"[{types}]" });
    }

    /// <summary>The value of an integral literal argument, or null (not a literal, or a null literal).</summary>
    public long? IntegerLiteral(int index)
    {
        var literal = Arguments[index].Source is { ExprTypeCase: Expression.ExprTypeOneofCase.Literal } source ? source.Literal : null;
        return literal?.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Byte => literal.Byte,
            Expression.Types.Literal.LiteralTypeOneofCase.Short => literal.Short,
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
            _ => null,
        };
    }

    /// <summary>The value of a string literal argument, or null.</summary>
    public string? StringLiteral(int index) =>
        Arguments[index].Source is { ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String } source
            ? source.Literal.String : null;

    private static string Ordinal(int position) => position switch
    {
        1 => "first", 2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth",
        _ => position.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
