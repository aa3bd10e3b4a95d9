namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The token cursor both Spark SQL parsers read with (<see cref="SqlParser"/> for queries and expressions,
/// <see cref="Statements.StatementParser"/> for the other statements): the text's tokens from <see cref="SparkLexer"/>,
/// lookahead, keyword and symbol tests, and Spark's <c>PARSE_SYNTAX_ERROR</c> at the current token.
/// </summary>
internal abstract class SparkTokenParser
{
    private protected readonly string _text;
    private protected readonly IReadOnlyList<SparkToken> _tokens;
    private protected int _index;

    private protected SparkTokenParser(string text)
    {
        _text = text;
        _tokens = SparkLexer.Read(text);
    }

    private protected SparkToken Current => _tokens[_index];

    private protected SparkToken PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    /// <summary>Moves past the current token (never past the end token) and returns it.</summary>
    private protected SparkToken Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
            _index++;
        return token;
    }

    /// <summary>Skips to the end token: the rest of the text belongs to whoever reads it next.</summary>
    private protected void SkipToEnd() => _index = _tokens.Count - 1;

    private protected bool IsWord(string keyword) => Current.IsWord(keyword);

    private protected bool IsSymbol(string symbol) => Current.IsSymbol(symbol);

    private protected bool AcceptWord(string keyword)
    {
        if (!IsWord(keyword))
            return false;
        Advance();
        return true;
    }

    private protected bool AcceptWords(string first, string second)
    {
        if (!IsWord(first) || !PeekAt(1).IsWord(second))
            return false;
        Advance();
        Advance();
        return true;
    }

    private protected bool AcceptSymbol(string symbol)
    {
        if (!IsSymbol(symbol))
            return false;
        Advance();
        return true;
    }

    private protected void ExpectWord(string keyword)
    {
        if (!AcceptWord(keyword))
            throw Error($"missing '{keyword.ToUpperInvariant()}'");
    }

    private protected void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
            throw Error($"missing '{symbol}'");
    }

    private protected void ExpectEnd()
    {
        if (Current.Kind != SparkTokenKind.End)
            throw Error(null);
    }

    /// <summary>An identifier: a back-quoted name or a word that is not reserved where it stands (Spark's non-reserved keywords name things too).</summary>
    private protected string Identifier() => Identifier(SqlKeywords.IsReserved);

    /// <summary>A back-quoted name or a word <paramref name="isReserved"/> lets stand as a name.</summary>
    private protected string Identifier(Func<string, bool> isReserved)
    {
        var token = Current;
        if (token.Kind == SparkTokenKind.QuotedIdentifier || (token.Kind == SparkTokenKind.Word && !isReserved(token.Text)))
        {
            Advance();
            return token.Text;
        }
        throw Error(null);
    }

    /// <summary><c>(a, b, c)</c>: a parenthesised identifier list.</summary>
    private protected List<string> IdentifierList()
    {
        ExpectSymbol("(");
        var names = new List<string> { Identifier() };
        while (AcceptSymbol(","))
            names.Add(Identifier());
        ExpectSymbol(")");
        return names;
    }

    /// <summary>Whether the current token can start an identifier.</summary>
    private protected bool AtIdentifier => Current.Kind == SparkTokenKind.QuotedIdentifier || (Current.Kind == SparkTokenKind.Word && !SqlKeywords.IsReserved(Current.Text));

    private protected LocalEngineException Error(string? hint) => SqlParseErrors.Syntax(_text, Current, hint);
}
