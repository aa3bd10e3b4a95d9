using Spark.Connect.Local.Planning.Functions;
using Frame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using LiteralKind = Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The window specifications Spark's analyzer rejects (SpecifiedWindowFrame and WindowSpecDefinition type checks,
/// ResolveWindowOrder), refused here with Spark's error classes before DuckDB would answer differently or fail in its own words:
/// ranking and offset functions without ORDER BY; a RANGE frame without ORDER BY, with value bounds over several ORDER BY
/// keys, or with an offset the ORDER BY type can't step by; a ROWS offset that is not an int; a lower bound after the upper.
/// </summary>
internal static class WindowFrameChecks
{
    private static readonly HashSet<string> NeedOrder = new(StringComparer.OrdinalIgnoreCase)
        { "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead" };

    internal static void Check(string function, Frame? frame, IReadOnlyList<SortKey> order)
    {
        if (order.Count == 0 && NeedOrder.Contains(function))
            throw new LocalEngineException("_LEGACY_ERROR_TEMP_1037", "42000",
                $"Window function {function}() requires window to be ordered, please add ORDER BY clause. For example SELECT {function}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.",
                new Dictionary<string, string> { ["wf"] = function + "()" });
        if (frame is null)
            return;
        var values = new[] { frame.Lower, frame.Upper }.Where(b => b?.BoundaryCase == Frame.Types.FrameBoundary.BoundaryOneofCase.Value)
            .Select(b => FrameOffset.Of(b!.Value)).ToList();
        if (frame.FrameType == Frame.Types.FrameType.Range)
            CheckRange(frame, order, values);
        else if (values.FirstOrDefault(v => v is not null && (v.Literal.LiteralTypeCase != LiteralKind.Integer || v.WrittenType is not null)) is { } wide)
            throw Mismatch("SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
                $"The data type of the frame bound {Number(wide)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""} is {(TypeOf(wide) is { } type ? SparkTypes.Name(type) : wide.Literal.LiteralTypeCase.ToString())}, but a ROWS frame takes \"INT\" offsets.");
        if (values is [{ } lower, { } upper] && Greater(lower, upper))
            throw Mismatch("SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", "The lower bound of a window frame must be less than or equal to the upper bound.");
    }

    /// <summary>Whether the lower offset is after the upper one: numbers by value, intervals of one kind by their amount.</summary>
    private static bool Greater(FrameOffset lower, FrameOffset upper)
    {
        if (Number(lower) is { } l && Number(upper) is { } u)
            return l > u;
        return lower.IsAnsiInterval && lower.Literal.LiteralTypeCase == upper.Literal.LiteralTypeCase && lower.SignedAmount > upper.SignedAmount;
    }

    private static void CheckRange(Frame frame, IReadOnlyList<SortKey> order, List<FrameOffset?> values)
    {
        var unbounded = frame.Lower?.BoundaryCase == Frame.Types.FrameBoundary.BoundaryOneofCase.Unbounded
            && frame.Upper?.BoundaryCase == Frame.Types.FrameBoundary.BoundaryOneofCase.Unbounded;
        if (order.Count == 0 && !unbounded)
            throw Mismatch("RANGE_FRAME_WITHOUT_ORDER", "A range window frame cannot be used in an unordered window specification.");
        if (values.Count == 0)
            return;
        if (order.Count > 1)
            throw Mismatch("RANGE_FRAME_MULTI_ORDER", "A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions.");
        var orderType = order[0].Expression.Type;
        foreach (var value in values)
        {
            var offsetType = value is null ? null : TypeOf(value);
            if (offsetType is null || !Steps(orderType, offsetType))
                throw Mismatch("RANGE_FRAME_INVALID_TYPE",
                    $"The data type {SparkTypes.Name(orderType)} used in the order specification does not support the data type {(offsetType is null ? "of the offset" : SparkTypes.Name(offsetType))} which is used in the range frame.");
        }
    }

    /// <summary>Whether ORDER BY values of <paramref name="orderType"/> can be offset by a <paramref name="offsetType"/> (Spark's isValidFrameType, after its coercion of numbers).</summary>
    private static bool Steps(DataType orderType, DataType offsetType) =>
        (SparkTypes.IsNumeric(orderType) && SparkTypes.IsNumeric(offsetType))
        || (orderType.KindCase == DataType.KindOneofCase.Date && (SparkTypes.IsIntegral(offsetType) || offsetType.KindCase == DataType.KindOneofCase.YearMonthInterval))
        || (SparkTypes.IsTimestamp(orderType) && SparkTypes.IsInterval(offsetType));

    private static DataType? TypeOf(FrameOffset offset) => offset.WrittenType ?? TypeOf(offset.Literal);

    private static DataType? TypeOf(Literal literal) => literal.LiteralTypeCase switch
    {
        LiteralKind.Byte => SparkTypes.Byte,
        LiteralKind.Short => SparkTypes.Short,
        LiteralKind.Integer => SparkTypes.Integer,
        LiteralKind.Long => SparkTypes.Long,
        LiteralKind.Float => SparkTypes.Float,
        LiteralKind.Double => SparkTypes.Double,
        LiteralKind.Decimal => SparkTypes.Decimal(10, 0),
        LiteralKind.DayTimeInterval => SparkTypes.DayTimeInterval(),
        LiteralKind.YearMonthInterval => SparkTypes.YearMonthInterval,
        LiteralKind.CalendarInterval => new DataType { CalendarInterval = new() },
        LiteralKind.String => SparkTypes.String,
        _ => null,
    };

    private static decimal? Number(FrameOffset offset) => Number(offset.Literal) is { } number ? offset.Negated ? -number : number : null;

    private static decimal? Number(Literal literal) => literal.LiteralTypeCase switch
    {
        LiteralKind.Integer => literal.Integer,
        LiteralKind.Long => literal.Long,
        LiteralKind.Double when double.IsFinite(literal.Double) => (decimal)literal.Double,
        LiteralKind.Decimal when decimal.TryParse(literal.Decimal.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static LocalEngineException Mismatch(string subclass, string message) =>
        new("DATATYPE_MISMATCH." + subclass, "42K09", "Cannot resolve the window specification due to data type mismatch: " + message);
}
