using System.Text;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Service.Show;

/// <summary>
/// Lays out rows of cell text as Spark's Dataset.showString and htmlString do: the header and at most
/// <c>numRows</c> rows (one more is read to know whether to add "only showing top N rows"), cells longer than
/// <c>truncate</c> cut with "...", control characters escaped, full-width characters counted as two columns.
/// </summary>
internal static partial class ShowFormatter
{
    private const int MinimumColumnWidth = 3;

    /// <summary>The table text (or, with <paramref name="vertical"/>, one block per record).</summary>
    internal static string Text(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> fetched, int numRows, int truncate, bool vertical)
    {
        numRows = Clamp(numRows);
        var (rows, hasMore) = Prepare(header, fetched, numRows, truncate);
        var text = new StringBuilder();
        if (!vertical)
            Table(text, rows, truncate);
        else
            Records(text, rows);
        if (vertical && rows.Count == 1)
            text.Append("(0 rows)\n");
        else if (hasMore)
            text.Append("only showing top ").Append(numRows).Append(numRows == 1 ? " row\n" : " rows\n");
        return text.ToString();
    }

    /// <summary>The HTML table Spark's htmlString writes (what notebooks display for a DataFrame).</summary>
    internal static string Html(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> fetched, int numRows, int truncate)
    {
        numRows = Clamp(numRows);
        var (rows, hasMore) = Prepare(header, fetched, numRows, truncate);
        var text = new StringBuilder("<table border='1'>\n");
        text.Append("<tr><th>").AppendJoin("</th><th>", rows[0].Select(EscapeHtml)).Append("</th></tr>\n");
        foreach (var row in rows.Skip(1))
            text.Append("<tr><td>").AppendJoin("</td><td>", row.Select(EscapeHtml)).Append("</td></tr>\n");
        text.Append("</table>\n");
        if (hasMore)
            text.Append("only showing top ").Append(numRows).Append(numRows == 1 ? " row\n" : " rows\n");
        return text.ToString();
    }

    /// <summary>How many rows to fetch: one more than shown, to know whether there were more.</summary>
    internal static int RowsToFetch(int numRows) => Clamp(numRows) + 1;

    // Spark bounds num_rows to [0, the largest array length - 1], so one more row can always be asked for.
    private static int Clamp(int numRows) => Math.Clamp(numRows, 0, int.MaxValue - 16);

    private static (List<IReadOnlyList<string>> Rows, bool HasMore) Prepare(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> fetched, int numRows, int truncate)
    {
        var rows = new List<IReadOnlyList<string>> { header.Select(EscapeMeta).ToList() };
        rows.AddRange(fetched.Take(numRows).Select(row => (IReadOnlyList<string>)row.Select(cell => Truncate(EscapeMeta(cell), truncate)).ToList()));
        return (rows, fetched.Count > numRows);
    }

    private static string Truncate(string cell, int truncate)
    {
        if (truncate <= 0 || cell.Length <= truncate)
            return cell;
        // No ellipsis below four characters: it would leave no room for text.
        return truncate < 4 ? cell[..truncate] : cell[..(truncate - 3)] + "...";
    }

    private static void Table(StringBuilder text, List<IReadOnlyList<string>> rows, int truncate)
    {
        var widths = new int[rows[0].Count];
        Array.Fill(widths, MinimumColumnWidth);
        foreach (var row in rows)
            for (var i = 0; i < row.Count; i++)
                widths[i] = Math.Max(widths[i], HalfWidth(row[i]));
        var separator = "+" + string.Join("+", widths.Select(w => new string('-', w))) + "+\n";
        text.Append(separator);
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            // Truncated output aligns right, full output left.
            var cells = row.Select((cell, i) => truncate > 0
                ? cell.PadLeft(widths[i] - HalfWidth(cell) + cell.Length)
                : cell.PadRight(widths[i] - HalfWidth(cell) + cell.Length));
            text.Append('|').AppendJoin("|", cells).Append("|\n");
            if (index == 0)
                text.Append(separator);
        }
        text.Append(separator);
    }

    private static void Records(StringBuilder text, List<IReadOnlyList<string>> rows)
    {
        var names = rows[0];
        var nameWidth = names.Aggregate(MinimumColumnWidth, (max, name) => Math.Max(max, HalfWidth(name)));
        var dataWidth = rows.Skip(1).Aggregate(MinimumColumnWidth, (max, row) => Math.Max(max, row.Count == 0 ? 0 : row.Max(HalfWidth)));
        foreach (var (row, index) in rows.Skip(1).Select((r, i) => (r, i)))
        {
            text.Append(("-RECORD " + index).PadRight(nameWidth + dataWidth + 5, '-')).Append('\n');
            for (var j = 0; j < row.Count; j++)
            {
                var name = names[j].PadRight(nameWidth - HalfWidth(names[j]) + names[j].Length);
                var data = row[j].PadRight(dataWidth - HalfWidth(row[j]) + row[j].Length);
                text.Append(' ').Append(name).Append(" | ").Append(data).Append(" \n");
            }
        }
    }

    /// <summary>Display width: full-width (East Asian wide) characters count twice, as in Spark's Utils.stringHalfWidth.</summary>
    internal static int HalfWidth(string text) => text.Length + FullWidth().Count(text);

    private static string EscapeMeta(string text) => text
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal).Replace("\f", "\\f", StringComparison.Ordinal)
        .Replace("\b", "\\b", StringComparison.Ordinal).Replace("\u000B", "\\v", StringComparison.Ordinal)
        .Replace("\u0007", "\\a", StringComparison.Ordinal);

    private static string EscapeHtml(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    [GeneratedRegex("[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]")]
    private static partial Regex FullWidth();
}
