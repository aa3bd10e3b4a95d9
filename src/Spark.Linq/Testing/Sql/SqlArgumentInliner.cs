using System.Text;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// Writes a SQL relation's arguments into its text: each parameter marker (<c>:name</c>, or <c>?</c> in order) becomes
/// the argument's literal, spelt by <see cref="SparkSqlLiterals"/> (so a value can't end its literal or become SQL).
/// Markers are found as Spark's lexer finds them: not inside strings, back-quoted names or comments, and <c>::</c> is a cast.
/// </summary>
internal static class SqlArgumentInliner
{
    public static bool HasArguments(SQL sql) => sql.Args.Count > 0 || sql.PosArgs.Count > 0 || sql.NamedArguments.Count > 0 || sql.PosArguments.Count > 0;

    /// <exception cref="NotSupportedException">A marker has no argument, or an argument has no SQL spelling.</exception>
    public static string Inline(SQL sql)
    {
        var render = new SparkSqlExpressions(new HashSet<string>());
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in sql.Args) named[name] = SparkSqlLiterals.Render(value);
        foreach (var (name, value) in sql.NamedArguments) named[name] = render.Render(value);
        var positional = sql.PosArgs.Select(SparkSqlLiterals.Render).Concat(sql.PosArguments.Select(render.Render)).ToList();

        var text = sql.Query;
        var result = new StringBuilder(text.Length);
        var nextPosition = 0;
        var i = 0;
        while (i < text.Length)
        {
            var skipped = Skip(text, i);
            if (skipped > i)
            {
                result.Append(text, i, skipped - i);
                i = skipped;
                continue;
            }
            var c = text[i];
            if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                result.Append("::");
                i += 2;
            }
            else if (c == ':' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) end++;
                var name = text[(i + 1)..end];
                result.Append(named.TryGetValue(name, out var value) ? value
                    : throw new NotSupportedException($"The SQL names the parameter :{name}, which has no argument; Spark would refuse it (UNBOUND_SQL_PARAMETER)."));
                i = end;
            }
            else if (c == '?')
            {
                result.Append(nextPosition < positional.Count ? positional[nextPosition++]
                    : throw new NotSupportedException($"The SQL has more ? markers than its {positional.Count} positional arguments; Spark would refuse it (UNBOUND_SQL_PARAMETER)."));
                i++;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>The index after a string, back-quoted name or comment starting at <paramref name="i"/>, or <paramref name="i"/> itself.</summary>
    private static int Skip(string text, int i)
    {
        var c = text[i];
        if (c is '\'' or '"' or '`')
        {
            var j = i + 1;
            while (j < text.Length && text[j] != c)
            {
                // Spark's strings take backslash escapes; back-quoted names double the quote instead (read as two names here, which is the same text).
                j += c != '`' && text[j] == '\\' ? 2 : 1;
            }
            return Math.Min(j + 1, text.Length);
        }
        if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
        {
            var end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end;
        }
        if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
        {
            // Spark's bracketed comments nest.
            var depth = 0;
            var j = i;
            while (j < text.Length)
            {
                if (text[j] == '/' && j + 1 < text.Length && text[j + 1] == '*') { depth++; j += 2; }
                else if (text[j] == '*' && j + 1 < text.Length && text[j + 1] == '/') { depth--; j += 2; if (depth == 0) return j; }
                else j++;
            }
            return text.Length;
        }
        return i;
    }
}
