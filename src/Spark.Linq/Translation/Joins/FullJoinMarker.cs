using System.Linq.Expressions;
using Spark.Linq.Plans;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// A constant <c>true AS _present</c> column on one side of a full join whose key can be null. A left or right join
/// tells a missing side by its null key (a row with a null key never matches, so it never appears on the optional
/// side), but a full join also returns the unmatched rows of both sides, null keys included: only a column that is
/// never null in a real row tells them from the side that is missing.
/// </summary>
internal static class FullJoinMarker
{
    public const string Column = "_present";

    /// <summary>Whether the key can be null (a nullable or reference type, or a composite whose members are compared null-safely).</summary>
    public static bool Needed(LambdaExpression key) => TypeClassifier.CanBeNull(key.ReturnType) || !TypeClassifier.IsScalar(key.ReturnType);

    public static QueryState Add(TranslationContext context, QueryState side)
    {
        side = InlineRows.Materialize(context, side);
        return side with { Relation = context.Rel.Project(side.Relation, [Expr.Star(), Expr.Alias(Expr.Lit(true), Column)]) };
    }

    /// <summary>The marker read through the side's alias.</summary>
    public static SparkExpression Of(QueryState preparedSide) => Expr.Qualify(Expr.Col(Column), preparedSide.Relation.SubqueryAlias.Alias);
}
