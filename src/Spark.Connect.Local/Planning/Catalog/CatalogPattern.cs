using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Spark's catalog name patterns (<c>listTables("db", "sales_*|tmp")</c>): alternatives split on <c>|</c>, each a
/// case-insensitive regular expression matching the whole name with <c>*</c> meaning <c>.*</c>.
/// </summary>
internal static class CatalogPattern
{
    /// <summary>The alternatives as regular expressions (<c>*</c> → <c>.*</c>); empty when there is no pattern.</summary>
    internal static IReadOnlyList<string> Alternatives(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? [] : pattern.Trim().Split('|').Select(p => p.Replace("*", ".*", StringComparison.Ordinal)).ToList();

    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/> (or there is none).</summary>
    internal static bool Matches(string? pattern, string name)
    {
        var alternatives = Alternatives(pattern);
        try
        {
            return alternatives.Count == 0 || alternatives.Any(a =>
                Regex.IsMatch(name, "^(?:" + a + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException error)
        {
            throw InvalidPattern(pattern!, error);
        }
    }

    internal static LocalEngineException InvalidPattern(string pattern, Exception? cause = null) => new("INVALID_PARAMETER_VALUE", "22023",
        $"The catalog name pattern '{pattern}' is not a valid pattern: use names, '*' wildcards and '|' between alternatives.", null, cause);
}
