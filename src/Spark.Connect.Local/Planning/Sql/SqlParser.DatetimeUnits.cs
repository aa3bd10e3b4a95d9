namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Spark's unit-first datetime calls: <c>timestampadd(UNIT, n, ts)</c> (also spelled <c>dateadd</c>, <c>date_add</c>) and
/// <c>timestampdiff(UNIT, start, end)</c> (<c>datediff</c>, <c>date_diff</c>, <c>timediff</c>). The unit is a bare keyword,
/// which Spark's grammar reads as the unit; the call becomes <c>timestampadd</c>/<c>timestampdiff</c> with the unit as a
/// string argument, named as Spark names it. A quoted unit with three arguments is Spark's
/// INVALID_PARAMETER_VALUE.DATETIME_UNIT; the two-argument <c>date_add(d, n)</c> and <c>datediff(a, b)</c> stay plain calls.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> DatetimeUnits = new(StringComparer.OrdinalIgnoreCase)
        { "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND" };

    /// <summary>The unit-first form of <paramref name="name"/>, or null (nothing consumed) when the call is a plain one.</summary>
    private Expression? DatetimeUnitCall(string name)
    {
        var target = name is "timestampadd" or "dateadd" or "date_add" ? "timestampadd" : "timestampdiff";
        if (PeekAt(0).Kind == SparkTokenKind.Word && DatetimeUnits.Contains(PeekAt(0).Text) && PeekAt(1).IsSymbol(","))
        {
            var unit = Literals.String(Advance().Text.ToUpperInvariant());
            ExpectSymbol(",");
            var first = Expr();
            ExpectSymbol(",");
            var second = Expr();
            ExpectSymbol(")");
            return Call(target, unit, first, second);
        }
        if (PeekAt(0).Kind != SparkTokenKind.String || !PeekAt(1).IsSymbol(","))
            return null;
        var quoted = PeekAt(0).Text;
        var arguments = new List<Expression> { Expr() };
        while (AcceptSymbol(","))
            arguments.Add(Expr());
        ExpectSymbol(")");
        if (arguments.Count == 3)
            throw QuotedDatetimeUnit(name, quoted);
        var call = Call(name, arguments);
        return AcceptWord("OVER") ? Window(call) : call;
    }

    private static LocalEngineException QuotedDatetimeUnit(string function, string unit) =>
        new("INVALID_PARAMETER_VALUE.DATETIME_UNIT", "22023",
            $"The value of parameter(s) `unit` in `{function}` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, " +
            $"WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal '{unit}'.",
            new Dictionary<string, string> { ["functionName"] = $"`{function}`", ["parameter"] = "`unit`", ["invalidValue"] = $"'{unit}'" });
}
