using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Splits Spark SQL text into tokens as Spark's lexer does: case-insensitive words, back-quoted identifiers
/// (<c>``</c> inside is one back quote), strings in single or double quotes with Spark's backslash escapes
/// (adjacent strings are joined by the parser), numbers with their type suffixes, <c>--</c> and nested
/// <c>/* */</c> comments (hints <c>/*+ … */</c> are comments here: hints are ignored), and parameter markers.
/// </summary>
internal sealed class SparkLexer
{
    // Longest first, so "<=>" wins over "<=" and "<".
    private static readonly string[] Symbols =
        ["<=>", ">>>", "::", "->", "=>", "==", "<=", ">=", "<>", "!=", "||", "<<", ">>",
         "(", ")", "[", "]", "{", "}", ",", ".", ";", "=", "<", ">", "+", "-", "*", "/", "%", "~", "&", "|", "^", "!", ":"];

    private static readonly string[] Suffixes = ["BD", "L", "S", "Y", "D", "F"];

    private readonly string _text;
    private readonly List<SparkToken> _tokens = [];
    private int _position;

    private SparkLexer(string text) => _text = text;

    /// <summary>The tokens of <paramref name="text"/>, ending with one <see cref="SparkTokenKind.End"/> token.</summary>
    internal static IReadOnlyList<SparkToken> Read(string text)
    {
        var lexer = new SparkLexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            SkipSpaceAndComments();
            if (_position >= _text.Length)
            {
                _tokens.Add(new SparkToken(SparkTokenKind.End, "", _position));
                return;
            }
            var c = _text[_position];
            if (c is '\'' or '"')
                ReadString(c, _position);
            else if ((c is 'r' or 'R') && _position + 1 < _text.Length && _text[_position + 1] is '\'' or '"')
                ReadRawString();
            else if (c == '`')
                ReadQuotedIdentifier();
            else if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
                ReadNumber();
            else if (IsWordChar(c))
                Add(SparkTokenKind.Word, ReadWord(), _position);
            else if (c == '?')
                Add(SparkTokenKind.PositionalParameter, "?", _position + 1);
            else if (c == ':' && _position + 1 < _text.Length && _text[_position + 1] != ':' && IsWordChar(_text[_position + 1]) && !PreviousIsColon())
            {
                var start = _position++;
                var name = ReadWord();
                _tokens.Add(Token(SparkTokenKind.NamedParameter, name, start, ":" + name));
            }
            else
                ReadSymbol();
        }
    }

    private bool PreviousIsColon() => _position > 0 && _text[_position - 1] == ':';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

    private static SparkToken Token(SparkTokenKind kind, string text, int start, string raw = "", string suffix = "") =>
        new(kind, text, start, suffix, raw);

    private void Add(SparkTokenKind kind, string text, int end)
    {
        var start = end - text.Length;
        _tokens.Add(Token(kind, text, start));
        _position = end;
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && IsWordChar(_text[_position]))
            _position++;
        return _text[start.._position];
    }

    private void SkipSpaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
                _position++;
            else if (c == '-' && At("--"))
            {
                while (_position < _text.Length && _text[_position] != '\n')
                    _position++;
            }
            else if (c == '/' && At("/*"))
                SkipBlockComment();
            else
                return;
        }
    }

    private void SkipBlockComment()
    {
        var start = _position;
        var depth = 0;
        while (_position < _text.Length)
        {
            if (At("/*"))
            {
                depth++;
                _position += 2;
            }
            else if (At("*/"))
            {
                depth--;
                _position += 2;
                if (depth == 0)
                    return;
            }
            else
                _position++;
        }
        throw SqlParseErrors.Syntax(_text, Token(SparkTokenKind.Symbol, "/*", start), "The comment is not closed: add '*/'.");
    }

    private bool At(string s) => string.CompareOrdinal(_text, _position, s, 0, s.Length) == 0;

    private void ReadString(char quote, int start)
    {
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
                throw SqlParseErrors.Syntax(_text, Token(SparkTokenKind.Symbol, quote.ToString(), start), "The string literal is not closed.");
            var c = _text[_position++];
            if (c == quote)
                break;
            if (c != '\\' || _position >= _text.Length)
            {
                value.Append(c);
                continue;
            }
            StringEscapes.Append(value, _text, ref _position);
        }
        _tokens.Add(Token(SparkTokenKind.String, value.ToString(), start, _text[start.._position]));
    }

    /// <summary><c>r'…'</c>: a raw string, backslashes kept as they are.</summary>
    private void ReadRawString()
    {
        var start = _position;
        var quote = _text[_position + 1];
        var end = _text.IndexOf(quote, _position + 2);
        if (end < 0)
            throw SqlParseErrors.Syntax(_text, Token(SparkTokenKind.Symbol, quote.ToString(), start), "The string literal is not closed.");
        _position = end + 1;
        _tokens.Add(Token(SparkTokenKind.String, _text[(start + 2)..end], start, _text[start.._position]));
    }

    private void ReadQuotedIdentifier()
    {
        var start = _position;
        var name = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
                throw SqlParseErrors.Syntax(_text, Token(SparkTokenKind.Symbol, "`", start), "The back-quoted identifier is not closed.");
            var c = _text[_position++];
            if (c == '`')
            {
                if (_position < _text.Length && _text[_position] == '`')
                {
                    name.Append('`');
                    _position++;
                    continue;
                }
                break;
            }
            name.Append(c);
        }
        _tokens.Add(Token(SparkTokenKind.QuotedIdentifier, name.ToString(), start, _text[start.._position]));
    }

    private void ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            _position++;
        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                _position++;
        }
        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var mark = _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
                _position++;
            if (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                    _position++;
            }
            else
                _position = mark;
        }
        var digits = _text[start.._position];
        var suffix = Suffixes.FirstOrDefault(s => string.Compare(_text, _position, s, 0, s.Length, StringComparison.OrdinalIgnoreCase) == 0
                                                  && (_position + s.Length >= _text.Length || !IsWordChar(_text[_position + s.Length]))) ?? "";
        _position += suffix.Length;
        // Digits running into letters ("1a", "2019abc") are one identifier in Spark's lexer, which takes the longest match.
        if (!digits.Contains('.') && _position < _text.Length && IsWordChar(_text[_position]))
        {
            _position = start;
            Add(SparkTokenKind.Word, ReadWord(), _position);
            return;
        }
        _tokens.Add(Token(SparkTokenKind.Number, digits, start, _text[start.._position], suffix.ToUpperInvariant()));
    }

    private void ReadSymbol()
    {
        foreach (var symbol in Symbols)
        {
            if (At(symbol))
            {
                Add(SparkTokenKind.Symbol, symbol, _position + symbol.Length);
                return;
            }
        }
        throw SqlParseErrors.Syntax(_text, Token(SparkTokenKind.Symbol, _text[_position].ToString(CultureInfo.InvariantCulture), _position), null);
    }
}
