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
        while (true)
        {
            SetOperation.Types.SetOpType type;
            if (AcceptWord("UNION"))
                type = SetOperation.Types.SetOpType.Union;
            else if (AcceptWord("EXCEPT") || AcceptWord("MINUS"))
                type = SetOperation.Types.SetOpType.Except;
            else if (AcceptWord("INTERSECT"))
                type = SetOperation.Types.SetOpType.Intersect;
            else
                return left;
            var all = SetQuantifier();
            left = new QueryTerm(CombineSets(left.Finish(this, []), QueryPrimary().Finish(this, []), type, all));
        }
    }
}
