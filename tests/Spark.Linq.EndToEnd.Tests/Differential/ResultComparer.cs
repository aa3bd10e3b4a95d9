using System.Collections;
using System.Globalization;
using System.Text;

namespace Spark.Linq.EndToEnd.Tests.Differential;

/// <summary>
/// Compares two outcomes value by value. Rows are flattened to their leaf values (members of
/// anonymous types, records and classes in declaration order; elements of collections), so any
/// shape compares without per-type equality.
/// </summary>
/// <remarks>
/// Tolerances: doubles and floats agree within a relative 1e-9 (Spark and .NET may sum in another
/// order); decimals within 0.000001 (Spark's decimal average keeps four more digits than its input,
/// C#'s keeps 28). Date-times compare by ticks (the Kind is not data). Unordered results are sorted
/// on both sides by a key in which floating values are rounded to 6 digits first; collections inside
/// a row are compared the same way, as multisets.
/// </remarks>
public static class ResultComparer
{
    private const double RelativeDoubleTolerance = 1e-9;
    private const decimal DecimalTolerance = 0.000001m;

    public static void AssertEqual(Outcome expected, Outcome actual, bool ordered)
    {
        Assert.That(actual.Exception, Is.EqualTo(expected.Exception), "exception type (null: none)");
        var left = expected.Rows.Select(Flatten).ToList();
        var right = actual.Rows.Select(Flatten).ToList();
        Assert.That(right, Has.Count.EqualTo(left.Count), "row count");
        if (!ordered)
        {
            left = [.. left.OrderBy(SortKey, StringComparer.Ordinal)];
            right = [.. right.OrderBy(SortKey, StringComparer.Ordinal)];
        }

        for (var row = 0; row < left.Count; row++)
        {
            Assert.That(right[row], Has.Count.EqualTo(left[row].Count), $"row {row}: number of values");
            for (var i = 0; i < left[row].Count; i++)
            {
                if (!LeafEquals(left[row][i], right[row][i]))
                    Assert.Fail($"row {row}, value {i}: expected {Show(left[row][i])}, Spark gave {Show(right[row][i])}\n" +
                                $"expected row: {string.Join(", ", left[row].Select(Show))}\nSpark row:    {string.Join(", ", right[row].Select(Show))}");
            }
        }
    }

    /// <summary>The leaf values of one row.</summary>
    public static List<object?> Flatten(object? value)
    {
        var leaves = new List<object?>();
        AddLeaves(value, leaves);
        return leaves;
    }

    private static void AddLeaves(object? value, List<object?> leaves)
    {
        switch (value)
        {
            case null or string or decimal or DateTime or DateOnly or DateTimeOffset or TimeSpan or Guid or Enum:
            case var _ when value.GetType().IsPrimitive:
                leaves.Add(value);
                return;
            case IEnumerable items:
                // A collection inside a row (collect_list) compares as a multiset: Spark does not
                // promise the order in which a group's elements are collected.
                var elements = items.Cast<object?>().Select(Flatten).OrderBy(SortKey, StringComparer.Ordinal).ToList();
                foreach (var element in elements) leaves.AddRange(element);
                leaves.Add($"[{elements.Count} items]");
                return;
            default:
                foreach (var property in value.GetType().GetProperties())
                    AddLeaves(property.GetValue(value), leaves);
                return;
        }
    }

    private static bool LeafEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (double x, double y) => DoublesAgree(x, y),
        (float x, float y) => DoublesAgree(x, y),
        (decimal x, decimal y) => Math.Abs(x - y) <= DecimalTolerance,
        (DateTime x, DateTime y) => x.Ticks == y.Ticks,
        _ => a.GetType() == b.GetType() && a.Equals(b),
    };

    private static bool DoublesAgree(double x, double y) =>
        x.Equals(y) || Math.Abs(x - y) <= RelativeDoubleTolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    private static string SortKey(List<object?> leaves)
    {
        var key = new StringBuilder();
        foreach (var leaf in leaves)
        {
            key.Append(leaf switch
            {
                null => "\u0000null",
                // -0.0 and 0.0 are equal values (C# rounds -0.4 to -0, Spark's BigDecimal to 0): one key.
                double d => (d == 0 ? 0.0 : d).ToString("F6", CultureInfo.InvariantCulture),
                float f => (f == 0 ? 0.0 : (double)f).ToString("F6", CultureInfo.InvariantCulture),
                decimal m => Math.Round(m, 5).ToString(CultureInfo.InvariantCulture),
                DateTime t => t.Ticks.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => leaf.ToString(),
            }).Append('\u0001');
        }

        return key.ToString();
    }

    private static string Show(object? leaf) => leaf switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({leaf.GetType().Name})",
        _ => leaf.ToString() ?? "",
    };
}
