using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// LATERAL subqueries: <c>FROM t, LATERAL (SELECT t.c …) [AS] s</c> and <c>t [INNER|CROSS|LEFT [OUTER]] JOIN LATERAL (…) s
/// [ON …]</c>. The subquery may read the columns of everything joined to its left; it becomes Spark Connect's
/// <c>LateralJoin</c> relation, which the resolver resolves with the left side as the subquery's enclosing scope.
/// Errors are Spark's parser errors: other join types (<c>INVALID_LATERAL_JOIN_TYPE</c>), NATURAL and USING, and LATERAL
/// before anything but a subquery.
/// </summary>
internal sealed partial class SqlParser
{
    /// <summary>Whether a LATERAL subquery (not a LATERAL VIEW) starts here.</summary>
    private bool AtLateralSubquery => IsWord("LATERAL") && !PeekAt(1).IsWord("VIEW");

    /// <summary><c>LATERAL (query) [[AS] alias [(columns)]]</c>: the subquery, aliased.</summary>
    private Relation LateralSubquery()
    {
        ExpectWord("LATERAL");
        if (!IsSymbol("(") || !AtQueryStart())
            throw new LocalEngineException("INVALID_SQL_SYNTAX.LATERAL_WITHOUT_SUBQUERY_OR_TABLE_VALUED_FUNC", "42000",
                "Invalid SQL syntax: LATERAL can only be used with subquery and table-valued functions.");
        if (PeekAt(1).IsWord("VALUES") || PeekAt(1).IsWord("TABLE"))
            throw SqlParseErrors.Unsupported("LATERAL before VALUES or TABLE", "Write LATERAL (SELECT …).");
        using var _ = Nest();
        return Aliased(ParenthesisedQuery(), required: false);
    }

    /// <summary>The lateral join of <paramref name="left"/> and a LATERAL subquery, for the join types Spark allows.</summary>
    private static Relation LateralJoin(Relation left, Relation right, JoinType type, Expression? condition = null)
    {
        if (type is not (JoinType.Inner or JoinType.Cross or JoinType.LeftOuter))
        {
            var name = type switch
            {
                JoinType.RightOuter => "RIGHT OUTER",
                JoinType.FullOuter => "FULL OUTER",
                JoinType.LeftSemi => "LEFT SEMI",
                _ => "LEFT ANTI",
            };
            throw new LocalEngineException("INVALID_LATERAL_JOIN_TYPE", "42613",
                $"The {name} JOIN with LATERAL correlation is not allowed because an OUTER subquery cannot correlate to its join partner. Remove the LATERAL correlation or use an INNER JOIN, or LEFT OUTER JOIN instead.",
                new Dictionary<string, string> { ["joinType"] = name });
        }
        var join = new LateralJoin { Left = left, Right = right, JoinType = type == JoinType.Cross && condition is not null ? JoinType.Inner : type };
        if (condition is not null)
            join.JoinCondition = condition;
        return new Relation { LateralJoin = join };
    }

    /// <summary>The join after a JOIN keyword whose right side is a LATERAL subquery (no NATURAL, no USING).</summary>
    private Relation LateralJoinAfterKeyword(Relation left, JoinType type, bool natural)
    {
        if (natural)
            throw new LocalEngineException("UNSUPPORTED_FEATURE.LATERAL_NATURAL_JOIN", "0A000",
                "The feature is not supported: NATURAL join with LATERAL correlation.");
        var right = LateralSubquery();
        if (IsWord("USING"))
            throw new LocalEngineException("UNSUPPORTED_FEATURE.LATERAL_JOIN_USING", "0A000",
                "The feature is not supported: JOIN USING with LATERAL correlation.");
        return LateralJoin(left, right, type, AcceptWord("ON") ? Expr() : null);
    }
}
