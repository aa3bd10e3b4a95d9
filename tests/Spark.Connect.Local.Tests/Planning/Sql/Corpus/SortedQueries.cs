namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>
/// Whether Spark's test runner keeps a query's rows in their order: only when the whole query ends in a global ORDER BY
/// (its "semantically sorted" rule); every other answer is compared as a sorted list. An ORDER BY inside parentheses
/// (a window, a subquery) orders nothing at the top; SORT BY and CLUSTER BY are per-partition, so they do not count.
/// </summary>
internal static class SortedQueries
{
    internal static bool IsSorted(string query)
    {
        var depth = 0;
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quote = '\0';
        foreach (var c in query + " ")
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '\'' or '"' or '`') { quote = c; continue; }
            if (char.IsLetter(c) || c == '_')
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
            {
                if (depth == 0) words.Add(word.ToString().ToUpperInvariant());
                word.Clear();
            }
            if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == "ORDER" && words[i + 1] == "BY")
                return true;
        return false;
    }
}
