namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>AnalyzePlan's <c>ddl_parse</c>: DDL text to a Spark DataType, or Spark's parse error.</summary>
internal static class DdlText
{
    internal static DataType Parse(string ddl)
    {
        try
        {
            return DdlSchema.Parse(ddl.Trim());
        }
        catch (InvalidOperationException error)
        {
            throw new LocalEngineException("PARSE_SYNTAX_ERROR", "42601", $"Syntax error in the DDL '{ddl}': {error.Message}.",
                new Dictionary<string, string> { ["error"] = error.Message, ["hint"] = "" });
        }
    }
}
