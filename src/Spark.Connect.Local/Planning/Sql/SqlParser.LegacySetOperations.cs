namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Set operations under <c>spark.sql.legacy.setopsPrecedence.enabled</c>: UNION, EXCEPT/MINUS and INTERSECT all bind
/// equally and apply left to right, as Spark did before 2.4 (by default INTERSECT binds tighter).
/// </summary>
internal sealed partial class SqlParser
{
    private bool _legacySetOperationPrecedence;

    private QueryTerm LegacySetOperations()
    {
        var left = QueryPrimary();
        while (AcceptSetOperator(withIntersect: true) is { } type)
        {
            var all = SetQuantifier();
            left = new QueryTerm(CombineSets(left.Finish(this, []), QueryPrimary().Finish(this, []), type, all));
        }
        return left;
    }
}
