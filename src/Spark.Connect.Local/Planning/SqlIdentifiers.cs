namespace Spark.Connect.Local.Planning;

/// <summary>The one place identifiers become SQL text.</summary>
internal static class SqlIdentifiers
{
    /// <summary>Quotes one identifier part for DuckDB: wrapped in double quotes, embedded quotes doubled, NUL rejected.</summary>
    internal static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Contains('\0'))
            throw new LocalEngineException("INVALID_IDENTIFIER", "42602", "An identifier contains a NUL character, which no table or column name may contain.");
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
