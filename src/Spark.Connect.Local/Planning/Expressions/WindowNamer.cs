using System.Globalization;
using Frame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// The column name Spark gives a window expression: <c>f(x) OVER (PARTITION BY p ORDER BY o ASC NULLS FIRST frame)</c>,
/// with the frame Spark fills in when none is written (ranking functions ROWS up to the current row, cume_dist RANGE,
/// lag/lead the one-row frame at their offset, others RANGE up to the current row when ordered and every row when not).
/// A frame offset before the current row is written PRECEDING (SQL's <c>1 PRECEDING</c> arrives as the offset -1).
/// </summary>
internal static class WindowNamer
{
    private static readonly HashSet<string> RankingFunctions = new(StringComparer.OrdinalIgnoreCase)
        { "row_number", "rank", "dense_rank", "percent_rank", "ntile" };

    internal static string Name(Expression.Types.Window window)
    {
        var parts = new List<string>();
        if (window.PartitionSpec.Count > 0)
            parts.Add("PARTITION BY " + string.Join(", ", window.PartitionSpec.Select(ColumnNamer.Name)));
        if (window.OrderSpec.Count > 0)
            parts.Add("ORDER BY " + string.Join(", ", window.OrderSpec.Select(Order)));
        parts.Add(window.FrameSpec is { FrameType: not Frame.Types.FrameType.Undefined } frame ? Specified(frame) : DefaultFrame(window));
        return $"{ColumnNamer.Name(window.WindowFunction)} OVER ({string.Join(" ", parts)})";
    }

    private static string Order(SortOrder order)
    {
        var descending = order.Direction == SortOrder.Types.SortDirection.Descending;
        var nullsFirst = order.NullOrdering switch
        {
            SortOrder.Types.NullOrdering.SortNullsFirst => true,
            SortOrder.Types.NullOrdering.SortNullsLast => false,
            _ => !descending,
        };
        return $"{ColumnNamer.Name(order.Child)} {(descending ? "DESC" : "ASC")} {(nullsFirst ? "NULLS FIRST" : "NULLS LAST")}";
    }

    private static string Specified(Frame frame) =>
        $"{(frame.FrameType == Frame.Types.FrameType.Row ? "ROWS" : "RANGE")} BETWEEN {Bound(frame.Lower, lower: true)} AND {Bound(frame.Upper, lower: false)}";

    private static string Bound(Frame.Types.FrameBoundary? boundary, bool lower) => boundary?.BoundaryCase switch
    {
        Frame.Types.FrameBoundary.BoundaryOneofCase.CurrentRow => "CURRENT ROW",
        Frame.Types.FrameBoundary.BoundaryOneofCase.Value => Offset(boundary.Value),
        _ => lower ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING",
    };

    private static string Offset(Expression value)
    {
        if (value.Literal is { } literal)
        {
            var text = ColumnNamer.Name(value);
            var negative = literal.LiteralTypeCase is Literal.LiteralTypeOneofCase.Integer or Literal.LiteralTypeOneofCase.Long
                or Literal.LiteralTypeOneofCase.Double or Literal.LiteralTypeOneofCase.Decimal && text.StartsWith('-');
            return negative ? text[1..] + " PRECEDING" : text + " FOLLOWING";
        }
        if (value.UnresolvedFunction is { FunctionName: "negative", Arguments: [var inner] })
            return ColumnNamer.Name(inner) + " PRECEDING";
        return ColumnNamer.Name(value) + " FOLLOWING";
    }

    private static string DefaultFrame(Expression.Types.Window window)
    {
        var function = window.WindowFunction.UnresolvedFunction;
        var name = function?.FunctionName ?? "";
        if (RankingFunctions.Contains(name))
            return "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
        if (name.Equals("cume_dist", StringComparison.OrdinalIgnoreCase))
            return "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
        if (name.Equals("lag", StringComparison.OrdinalIgnoreCase) || name.Equals("lead", StringComparison.OrdinalIgnoreCase))
        {
            var offset = function!.Arguments.Count > 1 && function.Arguments[1].Literal is { LiteralTypeCase: Literal.LiteralTypeOneofCase.Integer } literal
                ? literal.Integer : 1;
            var signed = (name.Equals("lag", StringComparison.OrdinalIgnoreCase) ? -offset : offset).ToString(CultureInfo.InvariantCulture);
            return $"ROWS BETWEEN {signed} FOLLOWING AND {signed} FOLLOWING";
        }
        return window.OrderSpec.Count > 0
            ? "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
            : "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";
    }
}
