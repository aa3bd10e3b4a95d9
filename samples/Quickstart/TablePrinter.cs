using System.Diagnostics;
using System.Globalization;
using Spark.Linq;

namespace Quickstart;

/// <summary>Runs a query and prints its rows as an aligned text table with the row count and time taken.</summary>
internal static class TablePrinter
{
    public static async Task ShowAsync<T>(string title, ISparkQueryable<T> query, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var rows = await query.ToListAsync(cancellationToken);
        clock.Stop();

        Console.WriteLine($"== {title}");
        var columns = typeof(T).GetProperties();
        var cells = rows.Select(row => columns.Select(c => Format(c.GetValue(row))).ToArray()).ToList();
        var widths = columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.Name.Length).Max()).ToArray();
        var numeric = columns.Select(c => IsNumber(c.PropertyType)).ToArray();

        Console.WriteLine(Line(columns.Select(c => c.Name).ToArray(), widths, numeric));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells) Console.WriteLine(Line(row, widths, numeric));
        Console.WriteLine($"({rows.Count} rows, {clock.Elapsed.TotalMilliseconds:F0} ms)");
        Console.WriteLine();
    }

    private static string Line(string[] values, int[] widths, bool[] numeric) =>
        string.Join(" | ", values.Select((v, i) => numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i])));

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d => d.ToString("F2", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double);
    }
}
