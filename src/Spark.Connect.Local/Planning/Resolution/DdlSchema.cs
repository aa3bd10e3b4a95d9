using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's DDL for schemas and types: <c>name TYPE [NOT NULL] [COMMENT '…'], …</c> (a colon after the name
/// is allowed, names may be back-quoted), types <c>array&lt;T&gt;</c>, <c>map&lt;K,V&gt;</c>,
/// <c>struct&lt;name:T,…&gt;</c> and the simple names <see cref="ResolvedTypes.Parse"/> knows.
/// Errors are <see cref="InvalidOperationException"/>s for the caller to report.
/// </summary>
internal static class DdlSchema
{
    /// <summary>One type (<c>int</c>, <c>struct&lt;a:int&gt;</c>), or else a field list (<c>a INT, b STRING</c>), as Spark's DataType.fromDDL tries them.</summary>
    internal static DataType Parse(string text)
    {
        try
        {
            return Type(text);
        }
        catch (InvalidOperationException)
        {
            return new DataType { Struct = Fields(text, 0) };
        }
    }

    /// <summary>One type.</summary>
    internal static DataType Type(string text) => Type(text, 0);

    // The text is the user's, so its nesting is counted: each level recurses once.
    private static DataType Type(string text, int depth)
    {
        if (depth > PlanComplexity.MaxNesting)
            throw PlanComplexity.TypeTooDeep();
        PlanComplexity.EnsureStack();
        var trimmed = text.Trim();
        var open = trimmed.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            var lower = trimmed.ToLowerInvariant();
            // The JSON names of types whose DDL spelling differs, and char/varchar, which Spark reads as string.
            if (lower.StartsWith("char(", StringComparison.Ordinal) || lower.StartsWith("varchar(", StringComparison.Ordinal))
                return SparkTypes.String;
            return lower switch
            {
                "null" or "void" => SparkTypes.Null,
                // Spark's calendar interval, which only a cast from text produces.
                "interval" => new DataType { CalendarInterval = new() },
                _ => AnsiIntervalTypes.TryParse(lower) ?? TryParseSimple(trimmed),
            };
        }
        if (!trimmed.EndsWith('>'))
            throw new InvalidOperationException($"the type '{trimmed}' is not closed");
        var head = trimmed[..open].Trim().ToLowerInvariant();
        var inner = trimmed[(open + 1)..^1];
        switch (head)
        {
            case "array":
                return new DataType { Array = new() { ElementType = Type(inner, depth + 1), ContainsNull = true } };
            case "map":
                var parts = SplitTopLevel(inner, ',');
                if (parts.Count != 2)
                    throw new InvalidOperationException($"map<…> needs a key and a value type: '{trimmed}'");
                return new DataType { Map = new() { KeyType = Type(parts[0], depth + 1), ValueType = Type(parts[1], depth + 1), ValueContainsNull = true } };
            case "struct":
                return new DataType { Struct = Fields(inner, depth + 1) };
            default:
                throw new InvalidOperationException($"the type '{trimmed}' is not one the local engine reads");
        }
    }

    private static DataType TryParseSimple(string text)
    {
        try
        {
            return ResolvedTypes.Parse(text);
        }
        catch (LocalEngineException)
        {
            throw new InvalidOperationException($"the type '{text}' is not one the local engine reads");
        }
    }

    private static DataType.Types.Struct Fields(string text, int depth)
    {
        var result = new DataType.Types.Struct();
        foreach (var part in SplitTopLevel(text, ','))
        {
            var (name, rest) = Name(part.Trim());
            var nullable = true;
            var comment = rest.IndexOf(" COMMENT ", StringComparison.OrdinalIgnoreCase);
            if (comment >= 0)
                rest = rest[..comment];
            rest = rest.Trim();
            if (rest.EndsWith("NOT NULL", StringComparison.OrdinalIgnoreCase))
            {
                nullable = false;
                rest = rest[..^"NOT NULL".Length];
            }
            result.Fields.Add(new DataType.Types.StructField { Name = name, DataType = Type(rest, depth), Nullable = nullable });
        }
        return result;
    }

    /// <summary>The field name (back-quoted or up to a space or colon) and the text after it.</summary>
    private static (string Name, string Remainder) Name(string field)
    {
        if (field.Length == 0)
            throw new InvalidOperationException("a field is empty");
        if (field[0] == '`')
        {
            var name = new System.Text.StringBuilder();
            var i = 1;
            for (; i < field.Length; i++)
            {
                if (field[i] != '`')
                    name.Append(field[i]);
                else if (i + 1 < field.Length && field[i + 1] == '`')
                    name.Append(field[++i]);
                else
                    break;
            }
            if (i >= field.Length)
                throw new InvalidOperationException($"the name in '{field}' is not closed");
            return (name.ToString(), field[(i + 1)..].TrimStart().TrimStart(':'));
        }
        var end = field.IndexOfAny([' ', ':', '\t']);
        if (end <= 0)
            throw new InvalidOperationException($"the field '{field}' has no type");
        return (field[..end], field[end..].TrimStart().TrimStart(':'));
    }

    /// <summary>Splits on <paramref name="separator"/> outside &lt;…&gt;, (…) and back quotes.</summary>
    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '`') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '<' or '(') depth++;
            else if (c is '>' or ')') depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts.Where(p => p.Trim().Length > 0).ToList();
    }
}
