using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Spark names a call after the expression its constructor builds, defaults included: <c>split(s, p)</c> is
/// <c>split(s, p, -1)</c>, <c>substr(s, 5)</c> is <c>substr(s, 5, 2147483647)</c>, and a trim with characters
/// is <c>TRIM(BOTH chars FROM s)</c>. This supplies those names for <see cref="ColumnNamer"/>.
/// </summary>
internal static class DefaultArgumentNames
{
    /// <summary>The whole name when Spark spells the call its own way (the trims with characters), else null.</summary>
    public static string? SpecialName(string name, IReadOnlyList<string> shown) => (name.ToLowerInvariant(), shown.Count) switch
    {
        ("trim", 2) => $"TRIM(BOTH {shown[0]} FROM {shown[1]})",
        ("ltrim", 2) => $"TRIM(LEADING {shown[0]} FROM {shown[1]})",
        ("rtrim", 2) => $"TRIM(TRAILING {shown[0]} FROM {shown[1]})",
        // Spark's JSON functions show only their input: the schema and options are not children.
        ("from_json", 2 or 3) => $"from_json({shown[0]})",
        ("to_json" or "schema_of_json", 2) => $"{name}({shown[0]})",
        // Without a source zone Spark's constructor reads the session's: ConvertTimezone(CurrentTimeZone(), target, ts).
        ("convert_timezone", 2) => $"{name}(current_timezone(), {shown[0]}, {shown[1]})",
        _ => null,
    };

    /// <summary>The names of the defaults Spark's constructor appends to a call of <paramref name="name"/> with these arguments.</summary>
    public static IEnumerable<string> Appended(string name, IReadOnlyList<Expression> arguments) => (name.ToLowerInvariant(), arguments.Count) switch
    {
        ("overlay", 3) => ["-1"],
        ("split", 2) => ["-1"],
        ("substr" or "substring", 2) => ["2147483647"],
        ("replace", 2) => [""],
        ("locate" or "position", 2) => ["1"],
        ("regexp_instr", 2) => ["0"],
        ("months_between", 2) => ["true"],
        ("make_interval" or "try_make_interval", < 7) => MakeIntervalDefaults[arguments.Count..],
        ("mask", >= 1 and <= 4) => MaskDefaults[(arguments.Count - 1)..],
        ("lpad" or "rpad", 2) => [LooksBinary(arguments[0]) ? "X'00'" : " "],
        // The interval builders' missing parts: zeros, the seconds a decimal(18, 6).
        ("make_ym_interval", < 2) => Enumerable.Repeat("0", 2 - arguments.Count),
        ("make_dt_interval", < 4) => [.. Enumerable.Repeat("0", 3 - arguments.Count), "0.000000"],
        _ => [],
    };

    // make_interval's missing parts: six INT zeros and the seconds' decimal(18,6) zero.
    private static readonly string[] MakeIntervalDefaults = ["0", "0", "0", "0", "0", "0", "0.000000"];

    // mask's replacements for upper case, lower case, digits and other characters (NULL keeps them).
    private static readonly string[] MaskDefaults = ["X", "x", "n", "NULL"];

    // Names are given before types are known: a binary literal or a call that always returns binary pads with a zero byte.
    private static bool LooksBinary(Expression argument) => argument switch
    {
        { ExprTypeCase: Kind.Literal, Literal.LiteralTypeCase: Literal.LiteralTypeOneofCase.Binary } => true,
        { ExprTypeCase: Kind.UnresolvedFunction } call => call.UnresolvedFunction.FunctionName.ToLowerInvariant()
            is "unhex" or "encode" or "to_binary" or "try_to_binary" or "unbase64" or "aes_encrypt",
        _ => false,
    };

    /// <summary>Spark's spelling of a binary literal in a name: <c>X'1F2E'</c>.</summary>
    public static string BinaryLiteral(Literal literal) => "X'" + Convert.ToHexString(literal.Binary.Span) + "'";
}
