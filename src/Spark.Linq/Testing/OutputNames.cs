using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// The names of the columns a relation returns, as far as the plan itself says: projections and aggregations name
/// theirs, row-preserving operators pass their input's on, and a source whose columns only the server knows is <c>*</c>.
/// </summary>
internal static class OutputNames
{
    public static IReadOnlyList<string> Of(Relation relation, ExpressionText expressions)
    {
        Query.Depth.StackGuard.Ensure("a plan's output columns");
        return relation.RelTypeCase switch
        {
            Relation.RelTypeOneofCase.Project => relation.Project.Expressions.Select(e => Name(e, expressions)).ToList(),
            Relation.RelTypeOneofCase.Aggregate => relation.Aggregate.GroupingExpressions.Concat(relation.Aggregate.AggregateExpressions)
                .Select(e => Name(e, expressions)).ToList(),
            Relation.RelTypeOneofCase.Join when relation.Join.JoinType is Join.Types.JoinType.LeftSemi or Join.Types.JoinType.LeftAnti =>
                Of(relation.Join.Left, expressions),
            Relation.RelTypeOneofCase.Join => [.. Of(relation.Join.Left, expressions), .. Of(relation.Join.Right, expressions)],
            Relation.RelTypeOneofCase.SetOp => Of(relation.SetOp.LeftInput, expressions),
            Relation.RelTypeOneofCase.ToDf => [.. relation.ToDf.ColumnNames],
            Relation.RelTypeOneofCase.Range => ["id"],
            Relation.RelTypeOneofCase.LocalRelation when Schema(relation.LocalRelation) is { } names => names,
            Relation.RelTypeOneofCase.Filter or Relation.RelTypeOneofCase.Sort or Relation.RelTypeOneofCase.Limit or Relation.RelTypeOneofCase.Offset
                or Relation.RelTypeOneofCase.Tail or Relation.RelTypeOneofCase.Deduplicate or Relation.RelTypeOneofCase.SubqueryAlias
                or Relation.RelTypeOneofCase.Sample or Relation.RelTypeOneofCase.Hint or Relation.RelTypeOneofCase.Repartition
                or Relation.RelTypeOneofCase.RepartitionByExpression or Relation.RelTypeOneofCase.WithWatermark
                or Relation.RelTypeOneofCase.CollectMetrics when RelationText.Inputs(relation) is [var input] => Of(input, expressions),
            _ => ["*"],
        };
    }

    private static string Name(Expression e, ExpressionText expressions) => e.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.Alias => string.Join(".", e.Alias.Name),
        Expression.ExprTypeOneofCase.UnresolvedAttribute => LastPart(e.UnresolvedAttribute.UnparsedIdentifier),
        Expression.ExprTypeOneofCase.UnresolvedStar => e.UnresolvedStar.HasUnparsedTarget ? e.UnresolvedStar.UnparsedTarget : "*",
        _ => expressions.Print(e),
    };

    /// <summary><c>o.customer_id</c> → <c>customer_id</c>; <c>`a.b`</c> → <c>a.b</c> (back-quoted parts are one name).</summary>
    private static string LastPart(string identifier) => SparkSqlNames.Parts(identifier)[^1];

    private static IReadOnlyList<string>? Schema(LocalRelation local)
    {
        if (!local.HasData) return null;
        try
        {
            return new Spark.Connect.Arrow.ArrowStreamReader(local.Data.Memory).Schema.Fields.Select(f => f.Name).ToList();
        }
        catch (Spark.Connect.Arrow.ArrowFormatException)
        {
            return null;
        }
    }
}
