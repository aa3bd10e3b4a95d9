using System.Text.RegularExpressions;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Spark SQL's <c>SET</c> and <c>RESET</c>, answered from the session's Spark configuration (the one the Config RPC
/// serves), never by DuckDB: whatever the key, dotted or not, it is a Spark configuration of this session only, so
/// no client reaches DuckDB's settings this way. The forms are Spark's: <c>SET</c> (every pair), <c>SET key</c>,
/// <c>SET key = value</c> (the value is the rest of the text), <c>SET `key` = `value`</c>, <c>SET TIME ZONE 'zone'</c> /
/// <c>LOCAL</c>, <c>RESET</c> (every key back to its default) and <c>RESET key</c>. SET answers <c>key</c>, <c>value</c>
/// rows, RESET no columns.
/// </summary>
internal static partial class SetStatement
{
    private const string TimeZoneKey = "spark.sql.session.timeZone";

    /// <summary>Runs a SET statement (<paramref name="text"/> starts with SET) and returns its rows as an Arrow IPC stream.</summary>
    internal static byte[] Set(LocalSession session, string text)
    {
        var rest = Remainder(text, "SET");
        if (rest.Length == 0)
            return CommandRows.KeyValues(All(session));
        if (TimeZonePattern().Match(rest) is { Success: true } zone)
            return Assign(session, TimeZoneKey, TimeZoneValue(zone.Groups["zone"].Value));
        if (VariablePattern().IsMatch(rest))
            throw SparkErrors.Unsupported("SQL session variables (SET VAR)");
        if (rest == "-v")
            throw SparkErrors.Unsupported("SET -v (configuration documentation)");
        if (KeyValuePattern().Match(rest) is { Success: true } pair)
        {
            var key = Unquote(pair.Groups["key"].Value);
            if (!pair.Groups["value"].Success)
                return CommandRows.KeyValues([(key, session.Config.Get(key) ?? "<undefined>")]);
            return Assign(session, key, Unquote(pair.Groups["value"].Value.Trim()));
        }
        throw InvalidSyntax("SET");
    }

    /// <summary>Runs a RESET statement: every key (or the one named) goes back to its default.</summary>
    internal static byte[] Reset(LocalSession session, string text)
    {
        var rest = Remainder(text, "RESET");
        var keys = new ConfigRequest.Types.Unset();
        if (rest.Length == 0)
            keys.Keys.Add(All(session).Select(p => p.Key));
        else if (KeyPattern().Match(rest) is { Success: true } key)
            keys.Keys.Add(Unquote(key.Value));
        else
            throw InvalidSyntax("RESET");
        session.Config.Apply(new ConfigRequest.Types.Operation { Unset = keys });
        return CommandRows.Empty();
    }

    private static byte[] Assign(LocalSession session, string key, string value)
    {
        var operation = new ConfigRequest.Types.Operation { Set = new ConfigRequest.Types.Set() };
        operation.Set.Pairs.Add(new KeyValue { Key = key, Value = value });
        session.Config.Apply(operation);
        return CommandRows.KeyValues([(key, value)]);
    }

    private static IEnumerable<(string Key, string Value)> All(LocalSession session) =>
        session.Config.Apply(new ConfigRequest.Types.Operation { GetAll = new ConfigRequest.Types.GetAll() }).Pairs.Select(p => (p.Key, p.Value));

    // SET TIME ZONE LOCAL is the server's zone; a quoted zone is taken as written (the session checks it on use).
    private static string TimeZoneValue(string zone)
    {
        if (string.Equals(zone, "LOCAL", StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Local.Id;
        if (zone.Length >= 2 && zone[0] is '\'' or '"' && zone[^1] == zone[0])
            return zone[1..^1];
        throw SparkErrors.Unsupported($"SET TIME ZONE {zone} (an interval or unquoted zone)");
    }

    /// <summary>The text after the statement's first word (<paramref name="keyword"/>), without surrounding blanks and trailing semicolons.</summary>
    internal static string Remainder(string text, string keyword)
    {
        // The first word, found past any leading comments: a comment may itself say SET.
        var first = Planning.Statements.SqlTokens.Read(text).Items.First(t => t.Is(keyword));
        return text[(first.Start + keyword.Length)..].Trim().TrimEnd(';').Trim();
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '`' && text[^1] == '`' ? text[1..^1].Replace("``", "`", StringComparison.Ordinal) : text;

    private static LocalEngineException InvalidSyntax(string statement) =>
        new("INVALID_SET_SYNTAX", "42000",
            $"Expected format is '{statement}', '{statement} key'{(statement == "SET" ? ", or 'SET key=value'" : "")}. If you want to include special characters in " +
            "key, or include semicolon in value, please use backquotes, e.g., SET `key`=`value`.");

    // Spark's key characters (letters, digits, _ . : and backslash), or a back-quoted key; "= value" optional.
    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.:\\]+|`(?:[^`]|``)+`)\s*(?:=(?<value>.*))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9_.:\\]+|`(?:[^`]|``)+`)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^TIME\s+ZONE\s+(?<zone>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePattern();

    [GeneratedRegex(@"^VAR(IABLE)?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();
}
