using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Functions that describe the session rather than the data: <c>current_catalog</c>, <c>current_database</c> /
/// <c>current_schema</c> (the session's current database, <c>default</c> unless USE chose another), <c>current_timezone</c> (the session zone, which the session
/// keeps as its connection's TimeZone), <c>version</c>, <c>typeof</c> (the argument's Spark type name, known at
/// planning), <c>spark_partition_id</c> (the engine runs every query as one partition, 0) and <c>current_user</c> /
/// <c>user</c> / <c>session_user</c> (the session's Spark Connect user id).
/// </summary>
internal static class SessionInfoFunctions
{
    /// <summary>The text <c>version()</c> returns: the Spark version this engine speaks, then the engine in place of a git revision.</summary>
    internal const string VersionText = "4.0.0 local-duckdb";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var text = ResultRules.NeverNull(() => SparkTypes.String);
        registry.Scalar(c => c.WithoutArguments(Text(c, "spark_catalog")), text, "current_catalog");
        registry.Scalar(c => c.WithoutArguments(Text(c, c.Context.CurrentDatabase)), text, "current_database", "current_schema");
        registry.Scalar(c => c.WithoutArguments("current_setting('TimeZone')"), text, "current_timezone");
        registry.Scalar(c => c.WithoutArguments(Text(c, VersionText)), text, "version");
        registry.Scalar(c => c.WithoutArguments("CAST(0 AS INTEGER)"), ResultRules.NeverNull(() => SparkTypes.Integer), "spark_partition_id");
        registry.Scalar(TypeOf, text, "typeof");
        // Spark Connect runs a query as the user its UserContext names; the user's text is a bound value like any other.
        registry.Scalar(c => c.WithoutArguments(Text(c, c.Context.SessionUser ?? "")), text, "current_user", "user", "session_user");
    }

    // Evaluated at planning, as Spark's is: the argument's type, not its value, so it is never null.
    private static string TypeOf(FunctionCall call)
    {
        call.Expect(1);
        var type = call.SparkTypeOf(0) ?? throw FunctionErrors.UnknownType(call.Name);
        return Text(call, SparkTypes.Name(type));
    }

    // A type name holds struct field names, the user's text: like every value it travels as a bound parameter.
    private static string Text(FunctionCall call, string value) =>
        call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = value });
}
