using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// A subquery an operator's lambda used, to be joined into that operator's input: uncorrelated (one row,
/// <paramref name="Condition"/> null, cross-joined) or correlated (one row per key, left outer joined on the condition).
/// </summary>
internal sealed record ScalarSubquery(Spark.Connect.Protocol.Relation Relation, SparkExpression? Condition);
