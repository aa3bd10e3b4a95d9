namespace Spark.Connect.Local.Planning;

/// <summary>
/// The one audited place a value becomes SQL text, for the few spots DuckDB accepts no parameter
/// (file paths in DDL such as <c>CREATE VIEW … AS SELECT * FROM read_parquet('…')</c>). Everywhere
/// else values are bound as parameters.
/// </summary>
internal static class SqlLiterals
{
    /// <summary>A single-quoted DuckDB string literal: embedded single quotes doubled, NUL rejected.</summary>
    /// <remarks>DuckDB string literals have no backslash escapes, so doubling the quote is the whole escape.</remarks>
    internal static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0'))
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A file path or option value contains a NUL character; remove it.");
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
