using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>
/// A user's SQL passed through to DuckDB, with its argument markers bound as parameters (see <see cref="SqlArguments"/>)
/// and the session's temporary views it names provided as CTEs (see <see cref="TempViewCtes"/>).
/// </summary>
internal static class SqlRelationRenderer
{
    internal static Source Render(RelationRenderer renderer, Relation relation)
    {
        // Arguments are constant expressions: they are rendered over no input.
        var expressions = renderer.Expressions(new Source("", Scope.Empty, [], "*", null, null));
        var query = TempViewCtes.Prefix(renderer.Context, SqlArguments.Bind(relation.Sql, expressions.Render), view => renderer.Input(view).ToQuery());
        return Source.FromQuery(renderer.Context, query, RelationRenderer.PlanId(relation), Scope.Empty);
    }
}
