namespace Spark.Connect.Local.Planning;

/// <summary>
/// The one place identifiers become SQL text. Spark allows a column called "" (PySpark's melt with empty names, an
/// alias of ""), which DuckDB refuses as a zero-length identifier, so names are written through a reversible spelling:
/// "" becomes a lone U+FFFF (a Unicode noncharacter no text should hold) and a name already starting with U+FFFF gets
/// one more; <see cref="FromDuckDb"/> undoes it where DuckDB's column names become Spark's.
/// </summary>
internal static class SqlIdentifiers
{
    private const char Marker = '\uFFFF';

    /// <summary>Quotes one identifier part for DuckDB: wrapped in double quotes, embedded quotes doubled, NUL rejected.</summary>
    internal static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Contains('\0'))
            throw new LocalEngineException("INVALID_IDENTIFIER", "42602", "An identifier contains a NUL character, which no table or column name may contain.");
        return "\"" + ToDuckDb(identifier).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The name DuckDB holds for the Spark name <paramref name="name"/>.</summary>
    internal static string ToDuckDb(string name) => name.Length == 0 || name[0] == Marker ? Marker + name : name;

    /// <summary>The Spark name of a column or field DuckDB reports as <paramref name="duckDbName"/>.</summary>
    internal static string FromDuckDb(string duckDbName) => duckDbName.Length > 0 && duckDbName[0] == Marker ? duckDbName[1..] : duckDbName;
}
