using System.Linq.Expressions;
using Spark.Connect;
using Relation = Spark.Connect.Protocol.Relation;

namespace Spark.Linq.Query.Depth;

/// <summary>
/// Refuses a translated plan that nests deeper than the session's client sends
/// (<see cref="SparkConnectClientOptions.MaxPlanDepth"/>, by default Spark's server limit of 1,024 protobuf
/// levels), so LINQ users learn it at translation time, from <c>ToPlan</c> as from <c>ToListAsync</c>, as a
/// <see cref="SparkTranslationException"/>.
/// </summary>
internal static class PlanDepthLimit
{
    public static void Check(Relation relation, Expression query, int maxPlanDepth)
    {
        // Counted inside the deepest request that carries a relation (AnalyzePlan: request, analysis, plan).
        var depth = PlanDepth.Of(relation) + PlanDepth.RequestLevelsAboveRelation;
        if (depth <= maxPlanDepth) return;
        throw new SparkTranslationException(ExpressionDepth.Describe(query), null,
            $"its plan would nest {depth:N0} protobuf levels deep, more than the {maxPlanDepth:N0} a Spark Connect server reads " +
            $"(SparkConnectClientOptions.{nameof(SparkConnectClientOptions.MaxPlanDepth)}, by default the server's " +
            "spark.connect.grpc.marshallerRecursionLimit of 1,024).",
            "Make it shallower: combine chained Where calls into one condition, select once instead of many times, or split the work into " +
            $"several queries; if the server's limit was raised, raise {nameof(SparkConnectClientOptions.MaxPlanDepth)} with it.");
    }
}
