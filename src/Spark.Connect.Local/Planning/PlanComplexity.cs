using System.Globalization;
using System.Runtime.CompilerServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// The depth budget of the planner. Resolution, rendering and explain recurse once per level of a plan, and
/// .NET can't catch a stack overflow (it ends the server process), so a plan is measured (without
/// recursion) before it is resolved, every recursive step counts its level, and each also checks the stack
/// itself. Whatever is too deep fails as Spark fails a statement too complex to parse:
/// <c>FAILED_TO_PARSE_TOO_COMPLEX</c> (SQLSTATE 54001), naming the limit. DuckDB's own limits on the SQL
/// the planner writes end the same way.
/// </summary>
internal static class PlanComplexity
{
    /// <summary>
    /// The deepest relation planned, in protobuf nesting levels below it: Spark Connect's
    /// <c>spark.connect.grpc.marshallerRecursionLimit</c> default, what the server's gRPC decoding accepts.
    /// </summary>
    internal const int MaxMessageDepth = PlanDepth.SparkServerLimit;

    /// <summary>
    /// Relation and expression levels the resolver and renderer nest. A plan within <see cref="MaxMessageDepth"/>
    /// nests about half as many (each level is two messages: a relation and its kind); temporary views read
    /// inside a plan add theirs.
    /// </summary>
    internal const int MaxNesting = 1000;

    internal const string ErrorClass = "FAILED_TO_PARSE_TOO_COMPLEX";

    private const string Mitigation = "Divide it into less complex steps: fewer chained operators or nested expressions, " +
                                      "or save an intermediate result as a table and query that.";

    /// <summary>Refuses <paramref name="relation"/> when it nests deeper than <see cref="MaxMessageDepth"/>.</summary>
    internal static void CheckMessageDepth(Relation relation)
    {
        var depth = PlanDepth.Of(relation);
        if (depth > MaxMessageDepth)
            throw TooComplex($"it nests {Number(depth)} protobuf levels deep, more than the {Number(MaxMessageDepth)} the local engine plans " +
                             "(Spark Connect's spark.connect.grpc.marshallerRecursionLimit)", MaxMessageDepth);
    }

    /// <summary>The error for one more level than <see cref="MaxNesting"/>.</summary>
    internal static LocalEngineException TooManyLevels() =>
        TooComplex($"relations and expressions nest more than {Number(MaxNesting)} levels deep, the most the local engine plans", MaxNesting);

    /// <summary>The error for a data type written as text (DDL) that nests more than <see cref="MaxNesting"/> levels.</summary>
    internal static LocalEngineException TypeTooDeep() =>
        new(ErrorClass, "54001", $"The data type is too complex for the local engine: it nests more than {Number(MaxNesting)} levels deep. " +
            "Flatten the type (fewer nested arrays, maps and structs).",
            new Dictionary<string, string> { ["limit"] = Number(MaxNesting) });

    /// <summary>Throws when the calling thread is close to the end of its stack, before a recursive step would overflow it.</summary>
    internal static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw TooComplex("it nests so deeply that the thread planning it is running out of stack", MaxNesting);
    }

    /// <summary>
    /// DuckDB's refusal of SQL nested too deeply (its <c>max_expression_depth</c> of 1,000, or its parser's stack),
    /// as the same error; null for any other DuckDB error.
    /// </summary>
    internal static LocalEngineException? FromDuckDb(DuckDbException error)
    {
        var message = error.Message;
        if (!message.Contains("Max expression depth limit", StringComparison.Ordinal)
            && !(message.Contains("Parser Error", StringComparison.Ordinal) && message.Contains("memory exhausted", StringComparison.Ordinal)))
            return null;
        return new LocalEngineException(ErrorClass, "54001",
            "The statement is too complex for the local engine: the SQL it runs nests deeper than DuckDB parses and binds " +
            "(its expression depth limit, 1,000). " + Mitigation,
            new Dictionary<string, string> { ["limit"] = "1000" }, error);
    }

    private static LocalEngineException TooComplex(string why, int limit) =>
        new(ErrorClass, "54001", $"The plan is too complex for the local engine: {why}. " + Mitigation,
            new Dictionary<string, string> { ["limit"] = Number(limit) });

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
