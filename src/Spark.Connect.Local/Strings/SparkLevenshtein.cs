using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's <c>levenshtein</c>: the edit distance counted in characters (code points), as
/// <c>UTF8String.levenshteinDistance</c>; DuckDB's own <c>levenshtein</c> counts bytes.
/// </summary>
internal static class SparkLevenshtein
{
    /// <summary>The number of single-character insertions, deletions and substitutions between two UTF-8 texts.</summary>
    public static int Distance(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var s = CodePoints(left);
        var t = CodePoints(right);
        if (s.Length == 0) return t.Length;
        if (t.Length == 0) return s.Length;
        var previous = new int[t.Length + 1];
        var current = new int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++) previous[j] = j;
        for (var i = 1; i <= s.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= t.Length; j++)
            {
                var cost = s[i - 1] == t[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[t.Length];
    }

    private static int[] CodePoints(ReadOnlySpan<byte> utf8)
    {
        var points = new List<int>(utf8.Length);
        while (!utf8.IsEmpty)
        {
            Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            points.Add(rune.Value);
            utf8 = utf8[consumed..];
        }
        return [.. points];
    }
}
