namespace Spark.Connect.Local.Planning.Sql;

/// <summary>What a Spark SQL token is.</summary>
internal enum SparkTokenKind
{
    /// <summary>A word: keyword or unquoted identifier (which one depends on where it stands).</summary>
    Word,

    /// <summary>A back-quoted identifier; <see cref="SparkToken.Text"/> is the name without quotes.</summary>
    QuotedIdentifier,

    /// <summary>A string literal; <see cref="SparkToken.Text"/> is its value with escapes applied.</summary>
    String,

    /// <summary>A number; <see cref="SparkToken.Text"/> is its digits and <see cref="SparkToken.Suffix"/> its type suffix (L, S, Y, D, F, BD), if any.</summary>
    Number,

    /// <summary>Punctuation or an operator (<c>(</c>, <c>&lt;=&gt;</c>, <c>::</c>, …).</summary>
    Symbol,

    /// <summary>A named parameter marker <c>:name</c>; <see cref="SparkToken.Text"/> is the name.</summary>
    NamedParameter,

    /// <summary>A positional parameter marker <c>?</c>.</summary>
    PositionalParameter,

    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One token of Spark SQL text and the offset where it starts; <see cref="Raw"/> is its text as written when that differs.</summary>
internal readonly record struct SparkToken(SparkTokenKind Kind, string Text, int Start, string Suffix = "", string Raw = "")
{
    /// <summary>Whether this is the word <paramref name="keyword"/> (case-insensitive).</summary>
    public bool IsWord(string keyword) => Kind == SparkTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => Kind == SparkTokenKind.Symbol && Text == symbol;

    /// <summary>The token as Spark quotes it in a syntax error (<c>'x'</c>, or <c>end of input</c>).</summary>
    public string Display => Kind == SparkTokenKind.End ? "end of input" : "'" + (Raw.Length > 0 ? Raw : Text) + "'";
}
