namespace Spark.Connect;

/// <summary>
/// A plan nests deeper than a Spark Connect server reads, so it was not sent. Spark's server parses
/// requests with a recursion limit (<c>spark.connect.grpc.marshallerRecursionLimit</c>, 1,024 levels by
/// default) and this client refuses deeper plans before serializing them: protobuf serialization
/// recurses once per level, and a deep enough plan would overflow the stack, which no .NET code can catch.
/// </summary>
public sealed class SparkPlanTooDeepException : InvalidOperationException
{
    /// <summary>Creates the exception for a request <paramref name="depth"/> levels deep against <paramref name="limit"/>.</summary>
    public SparkPlanTooDeepException(int depth, int limit)
        : base($"The plan nests {depth:N0} protobuf levels deep, more than the limit of {limit:N0} " +
               $"(SparkConnectClientOptions.{nameof(SparkConnectClientOptions.MaxPlanDepth)}), so it was not sent. Spark Connect servers " +
               "refuse requests deeper than spark.connect.grpc.marshallerRecursionLimit (1,024 by default). Build a shallower plan " +
               "(fewer chained operators or nested expressions, or save an intermediate result as a table), or raise " +
               $"{nameof(SparkConnectClientOptions.MaxPlanDepth)} together with the server's limit.")
    {
        Depth = depth;
        Limit = limit;
    }

    /// <summary>How deep the request nests, counted as protobuf's parser counts recursion.</summary>
    public int Depth { get; }

    /// <summary>The limit it exceeded.</summary>
    public int Limit { get; }
}
