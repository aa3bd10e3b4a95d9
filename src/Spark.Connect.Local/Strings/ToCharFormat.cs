using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's <c>to_char(number, format)</c> formats (its ToNumberParser): <c>0</c>/<c>9</c> digits, <c>.</c>/<c>D</c>,
/// <c>,</c>/<c>G</c>, <c>$</c>, <c>S</c>, <c>MI</c>, <c>PR</c>. <see cref="Check"/> gives Spark's INVALID_FORMAT sub-class
/// for a format it refuses; <see cref="Format"/> writes a decimal's plain text as Spark does: spaces for missing optional
/// digits, zeros for <c>0</c>, <c>#</c> for every digit when the value has more digits than the format.
/// </summary>
internal sealed class ToCharFormat
{
    private enum Kind { Digits, Point, Comma, Dollar, PlusOrMinus, Minus, OpenBracket, CloseBracket, Invalid }

    // One format token; a digit run knows its length and whether it starts with 0 (leading zeros printed).
    private sealed record Token(Kind Kind, int Count = 0, bool Exact = false, char Character = ' ');

    private readonly string _format;
    private readonly List<Token> _tokens = [];

    /// <summary>Reads <paramref name="format"/> (upper-cased first, as Spark does).</summary>
    public ToCharFormat(string format)
    {
        _format = format.ToUpperInvariant();
        var pointSeen = false;
        for (var i = 0; i < _format.Length;)
        {
            var c = _format[i];
            if (c is '0' or '9')
            {
                var start = i;
                do i++; while (i < _format.Length && _format[i] is '0' or '9');
                _tokens.Add(new Token(Kind.Digits, i - start, c == '0' && !pointSeen));
                continue;
            }
            i++;
            switch (c)
            {
                case '.' or 'D': _tokens.Add(new Token(Kind.Point)); pointSeen = true; break;
                case ',' or 'G': _tokens.Add(new Token(Kind.Comma)); break;
                case '$': _tokens.Add(new Token(Kind.Dollar)); break;
                case 'S': _tokens.Add(new Token(Kind.PlusOrMinus)); break;
                case 'M' when i < _format.Length && _format[i] == 'I': _tokens.Add(new Token(Kind.Minus)); i++; break;
                case 'P' when i < _format.Length && _format[i] == 'R':
                    _tokens.Insert(0, new Token(Kind.OpenBracket));
                    _tokens.Add(new Token(Kind.CloseBracket));
                    i++;
                    break;
                default: _tokens.Add(new Token(Kind.Invalid, Character: c)); break;
            }
        }
    }

    /// <summary>Null when Spark accepts the format, else the INVALID_FORMAT sub-class and its message.</summary>
    public (string SubClass, string Message)? Check()
    {
        if (_format.Length == 0) return ("EMPTY", "Number format cannot be empty.");
        if (!_tokens.Any(t => t.Kind == Kind.Digits)) return ("WRONG_NUM_DIGIT", "The format string requires at least one number digit.");
        var firstDigit = _tokens.FindIndex(t => t.Kind == Kind.Digits);
        var firstDollar = _tokens.FindIndex(t => t.Kind == Kind.Dollar);
        var firstPoint = _tokens.FindIndex(t => t.Kind == Kind.Point);
        if (firstDigit < firstDollar) return ("CUR_MUST_BEFORE_DIGIT", "Currency characters must appear before digits in the number format.");
        if (firstPoint != -1 && firstPoint < firstDollar) return ("CUR_MUST_BEFORE_DEC", "Currency characters must appear before any decimal point in the number format.");
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (_tokens[i].Kind != Kind.Comma) continue;
            var before = i > 0 && _tokens[i - 1].Kind == Kind.Digits;
            var after = i + 1 < _tokens.Count && _tokens[i + 1].Kind == Kind.Digits;
            if (firstPoint != -1 && i > firstPoint) return ("THOUSANDS_SEPS_MUST_BEFORE_DEC", "Thousands separators (, or G) may not appear after the decimal point in the number format.");
            if (!before || !after) return ("CONT_THOUSANDS_SEPS", "Thousands separators (, or G) must have digits in between them in the number format.");
        }
        foreach (var (kind, name) in new[] { (Kind.Point, ". or D"), (Kind.PlusOrMinus, "S"), (Kind.Minus, "MI"), (Kind.Dollar, "$"), (Kind.CloseBracket, "PR") })
        {
            if (_tokens.Count(t => t.Kind == kind) > 1) return ("WRONG_NUM_TOKEN", $"At most one {name} is allowed in the number format.");
        }
        return OrderError();
    }

    // Spark's order: [PR] [MI|S] [$] digits [.] digits [$] [PR|MI|S], each at most once, digits with their commas as one group.
    private (string, string)? OrderError()
    {
        Kind[][] allowed = [[Kind.OpenBracket], [Kind.Minus, Kind.PlusOrMinus], [Kind.Dollar], [Kind.Digits], [Kind.Point], [Kind.Digits], [Kind.Dollar],
            [Kind.Minus, Kind.PlusOrMinus, Kind.CloseBracket]];
        var grouped = new List<Token>();
        foreach (var token in _tokens)
        {
            if (token.Kind is Kind.Digits or Kind.Comma && grouped.Count > 0 && grouped[^1].Kind == Kind.Digits) continue;
            grouped.Add(token.Kind == Kind.Comma ? new Token(Kind.Digits) : token);
        }
        var index = 0;
        foreach (var kinds in allowed)
        {
            if (index < grouped.Count && kinds.Contains(grouped[index].Kind)) index++;
        }
        if (index >= grouped.Count) return null;
        var unexpected = grouped[index];
        var name = unexpected.Kind switch
        {
            Kind.Digits => "digit sequence", Kind.Point => ". or D", Kind.Dollar => "$", Kind.PlusOrMinus => "S", Kind.Minus => "MI",
            Kind.OpenBracket or Kind.CloseBracket => "PR", _ => $"character '{unexpected.Character}''",
        };
        return ("UNEXPECTED_TOKEN", $"Found the unexpected {name} in the format string; the structure of the format string must match: " +
            "`[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`.");
    }

    /// <summary>Formats <paramref name="plain"/>, a decimal's plain text (<c>-12.50</c>), for a format <see cref="Check"/> accepted.</summary>
    public string Format(string plain)
    {
        var negative = plain.StartsWith('-') && plain.Any(c => c is >= '1' and <= '9');
        var point = plain.IndexOf('.');
        var before = (point < 0 ? plain : plain[..point]).TrimStart('-', '0');
        var after = point < 0 ? "" : plain[(point + 1)..].TrimEnd('0');
        var firstPoint = _tokens.FindIndex(t => t.Kind == Kind.Point);
        var digitsBefore = _tokens.Where((t, i) => t.Kind == Kind.Digits && (firstPoint < 0 || i < firstPoint)).Sum(t => t.Count);
        var digitsAfter = _tokens.Where((t, i) => t.Kind == Kind.Digits && firstPoint >= 0 && i > firstPoint).Sum(t => t.Count);
        if (digitsBefore < before.Length || digitsAfter < after.Length)
        {
            before = new string('#', digitsBefore);
            after = new string('#', digitsAfter);
        }
        before = before.PadLeft(digitsBefore);
        after = after.PadRight(digitsAfter, '0');
        var result = new StringBuilder();
        int beforeIndex = 0, afterIndex = 0;
        var pointReached = false;
        foreach (var token in _tokens)
        {
            switch (token.Kind)
            {
                case Kind.Digits when !pointReached:
                    for (var n = 0; n < token.Count; n++, beforeIndex++)
                    {
                        var c = before[beforeIndex];
                        if (c != ' ') result.Append(c);
                        else if (token.Exact) result.Append('0');
                        else AppendSpace(result);
                    }
                    break;
                case Kind.Digits:
                    result.Append(after, afterIndex, token.Count);
                    afterIndex += token.Count;
                    break;
                case Kind.Comma:
                    if (result.Length > 0 && char.IsAsciiDigit(result[^1])) result.Append(',');
                    else AppendSpace(result);
                    break;
                case Kind.Point:
                    if (result.Length > 0 && result[^1] == ' ') result[^1] = '0';
                    result.Append('.');
                    pointReached = true;
                    break;
                case Kind.Dollar: result.Append('$'); break;
                case Kind.PlusOrMinus:
                    StripLonePoint(result);
                    AppendMovingLeft(result, negative ? '-' : '+');
                    break;
                case Kind.Minus:
                    if (negative) { StripLonePoint(result); AppendMovingLeft(result, '-'); }
                    else result.Append(' ');
                    break;
                case Kind.OpenBracket:
                    if (negative) result.Append('<');
                    break;
                case Kind.CloseBracket:
                    StripLonePoint(result);
                    if (negative) AppendMovingLeft(result, '>');
                    else result.Append("  ");
                    break;
            }
        }
        StripLonePoint(result);
        var text = result.ToString();
        return text is "" or "+" or "-" ? "0" : text;
    }

    // A sign or bracket written after spaces moves left past them, next to the digits.
    private static void AppendMovingLeft(StringBuilder result, char c)
    {
        result.Append(c);
        for (var i = result.Length - 1; i >= 1 && result[i - 1] == ' ' && result[i] == c; i--)
        {
            result[i] = ' ';
            result[i - 1] = c;
        }
    }

    // A space for a missing digit goes before any sign or opening bracket already written.
    private static void AppendSpace(StringBuilder result)
    {
        result.Append(' ');
        for (var i = result.Length - 1; i >= 1 && result[i - 1] is '+' or '-' or '<' && result[i] == ' '; i--)
        {
            result[i] = result[i - 1];
            result[i - 1] = ' ';
        }
    }

    // A decimal point with no digits after it becomes a space.
    private static void StripLonePoint(StringBuilder result)
    {
        var text = result.ToString();
        var i = text.IndexOf('.', StringComparison.Ordinal);
        if (i != -1 && (i == text.Length - 1 || text[i + 1] == ' ')) result[i] = ' ';
    }
}
