using System.Globalization;
using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// One call being rendered: the Spark name as written, the rendered arguments, DISTINCT, the planner's
/// context and, for window use, the OVER clause to place after the DuckDB aggregate or window call.
/// The helpers check argument shapes the way Spark's analyzer does and raise its error classes.
/// </summary>
internal sealed record FunctionCall(string Name, IReadOnlyList<SqlArgument> Arguments, bool IsDistinct, IFunctionRenderContext Context, string? Over)
{
    /// <summary>Number of arguments.</summary>
    public int Count => Arguments.Count;

    /// <summary>The SQL of argument <paramref name="index"/>.</summary>
    public string this[int index] => Arguments[index].Sql;

    /// <summary>The OVER clause with a leading space, or nothing outside a window.</summary>
    public string OverSuffix => Over is null ? "" : " " + Over;

    /// <summary>True when rendered with OVER.</summary>
    public bool IsWindowed => Over is not null;

    /// <summary>
    /// The DuckDB type of argument <paramref name="index"/>, classified: from its Spark type when the
    /// resolver supplied one (Spark's NULL type stays the null family), else from the planner's context.
    /// </summary>
    public DuckDbType TypeOf(int index) => Arguments[index].Type switch
    {
        { KindCase: DataType.KindOneofCase.Null } => DuckDbType.Parse("NULL"),
        { } type => DuckDbType.Parse(DuckDbTypeNames.FromSpark(type)),
        null => DuckDbType.Parse(Context.TypeOf(Arguments[index])),
    };

    /// <summary>The Spark type of argument <paramref name="index"/> when the resolver supplied it.</summary>
    public DataType? SparkTypeOf(int index) => Arguments[index].Type;

    /// <summary>
    /// Spark's common type of the arguments at <paramref name="indexes"/> when the resolver typed them all
    /// (null otherwise, or when Spark has none: the type rule raises that error).
    /// </summary>
    public DataType? CommonSparkType(IEnumerable<int> indexes)
    {
        var types = indexes.Select(i => Arguments[i].Type).ToList();
        return types.Any(t => t is null) ? null : SparkTypeCoercion.Wider(types!);
    }

    /// <summary>
    /// Argument <paramref name="index"/> converted to <paramref name="target"/> when its Spark type differs,
    /// as Spark's analyzer casts operands to their common type (DuckDB's own widening differs: a bigint is
    /// decimal(19,0) to DuckDB, a string and a number don't mix, a float and a decimal stay float).
    /// </summary>
    public string As(int index, DataType? target) =>
        target is null || Arguments[index].Type is not { } type || SparkTypeCoercion.SameType(type, target)
            ? Arguments[index].Sql
            : $"CAST({Arguments[index].Sql} AS {DuckDbTypeNames.FromSpark(target)})";

    /// <summary>Every argument from <paramref name="skip"/> on as their common Spark type, joined with <c>, </c>.</summary>
    public string JoinedAsCommonType(int skip = 0)
    {
        var indexes = Enumerable.Range(skip, Count - skip).ToList();
        var common = CommonSparkType(indexes);
        return string.Join(", ", indexes.Select(i => As(i, common)));
    }

    /// <summary>Raises WRONG_NUM_ARGS unless the call has exactly <paramref name="count"/> arguments.</summary>
    public FunctionCall Expect(int count) => ExpectBetween(count, count);

    /// <summary>Raises WRONG_NUM_ARGS unless the call has between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public FunctionCall ExpectBetween(int min, int max)
    {
        if (Count >= min && Count <= max) return this;
        var expected = min == max ? min.ToString(CultureInfo.InvariantCulture)
            : max == int.MaxValue ? $"> {min - 1}"
            : $"[{min}, {max}]";
        throw FunctionErrors.WrongNumArgs(Name, expected, Count);
    }

    /// <summary>For functions without arguments (<c>pi()</c>, <c>current_date()</c>): checks there are none and returns <paramref name="sql"/>.</summary>
    public string WithoutArguments(string sql)
    {
        Expect(0);
        return sql;
    }

    /// <summary>Raises WRONG_NUM_ARGS unless the call has at least <paramref name="min"/> arguments.</summary>
    public FunctionCall ExpectAtLeast(int min) => ExpectBetween(min, int.MaxValue);

    /// <summary>All argument SQL joined with <c>, </c>.</summary>
    public string JoinedArguments(int skip = 0) => string.Join(", ", Arguments.Skip(skip).Select(a => a.Sql));

    /// <summary>The literal behind argument <paramref name="index"/>, or null when it is not a literal.</summary>
    public Expression.Types.Literal? LiteralAt(int index) =>
        Arguments[index].Source is { ExprTypeCase: Expression.ExprTypeOneofCase.Literal } source ? source.Literal : null;

    /// <summary>An integral literal argument's value; null for a null literal; an error for anything else.</summary>
    public long? IntegerLiteral(int index, string role)
    {
        var literal = LiteralAt(index) ?? throw FunctionErrors.NotFoldable(Name, role);
        return literal.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Byte => literal.Byte,
            Expression.Types.Literal.LiteralTypeOneofCase.Short => literal.Short,
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
            Expression.Types.Literal.LiteralTypeOneofCase.Null => null,
            _ => throw FunctionErrors.UnexpectedInputType(Name, role, "an integer literal"),
        };
    }

    /// <summary>A string literal argument's value; null for a null literal; an error for anything else.</summary>
    public string? StringLiteral(int index, string role)
    {
        var literal = LiteralAt(index) ?? throw FunctionErrors.NotFoldable(Name, role);
        return literal.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.String => literal.String,
            Expression.Types.Literal.LiteralTypeOneofCase.Null => null,
            _ => throw FunctionErrors.UnexpectedInputType(Name, role, "a string literal"),
        };
    }

    /// <summary>A boolean literal argument's value (Spark's <c>ignoreNulls</c> flags).</summary>
    public bool BooleanLiteral(int index, string role)
    {
        var literal = LiteralAt(index);
        if (literal is { LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.Boolean })
            return literal.Boolean;
        throw FunctionErrors.UnexpectedInputType(Name, role, "a boolean literal");
    }
}
