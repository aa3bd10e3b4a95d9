using System.Globalization;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// Writes a plan as one Spark SQL query: each relation either joins the SELECT block below it or wraps that block as a
/// subquery (see <see cref="SqlBlock"/>). Subquery aliases keep their names, so qualified columns (<c>o.Id</c>) still
/// resolve. Relations with no SQL form here (grouping sets, streams, …) fail with <see cref="NotSupportedException"/>.
/// </summary>
internal sealed partial class SparkSqlRenderer
{
    private int _aliases;

    public string Render(Relation root) => Block(root).ToSql();

    private SqlBlock Block(Relation r)
    {
        Query.Depth.StackGuard.Ensure("a plan rendered as SQL");
        return r.RelTypeCase switch
        {
            Relation.RelTypeOneofCase.Read when r.Read.ReadTypeCase == Read.ReadTypeOneofCase.NamedTable =>
                new SqlBlock(FileReadSql.Table(r.Read), [SparkSqlNames.Parts(r.Read.NamedTable.UnparsedIdentifier)[^1]]),
            Relation.RelTypeOneofCase.Read when r.Read.ReadTypeCase == Read.ReadTypeOneofCase.DataSource => FileBlock(r.Read),
            Relation.RelTypeOneofCase.Sql => Named(SqlArgumentInliner.HasArguments(r.Sql) ? SqlArgumentInliner.Inline(r.Sql) : r.Sql.Query),
            Relation.RelTypeOneofCase.Project => Project(Block(r.Project.Input), r.Project.Expressions),
            Relation.RelTypeOneofCase.Filter => Filter(Block(r.Filter.Input), r.Filter.Condition),
            Relation.RelTypeOneofCase.Sort => Sort(Block(r.Sort.Input), r.Sort.Order),
            Relation.RelTypeOneofCase.Limit => Limit(Block(r.Limit.Input), r.Limit.Limit_),
            Relation.RelTypeOneofCase.Offset => Offset(Block(r.Offset.Input), r.Offset.Offset_),
            Relation.RelTypeOneofCase.Deduplicate when r.Deduplicate.AllColumnsAsKeys => Distinct(Block(r.Deduplicate.Input)),
            Relation.RelTypeOneofCase.Aggregate when r.Aggregate.GroupType is Aggregate.Types.GroupType.Groupby or Aggregate.Types.GroupType.Unspecified =>
                AggregateBlock(Block(r.Aggregate.Input), r.Aggregate),
            Relation.RelTypeOneofCase.Aggregate when r.Aggregate.GroupType == Aggregate.Types.GroupType.Pivot => PivotBlock(r.Aggregate),
            Relation.RelTypeOneofCase.SubqueryAlias when r.SubqueryAlias.Qualifier.Count == 0 => Alias(Block(r.SubqueryAlias.Input), r.SubqueryAlias.Alias),
            Relation.RelTypeOneofCase.Join => JoinBlock(r.Join),
            Relation.RelTypeOneofCase.SetOp when !r.SetOp.ByName => SetOperationBlock(r.SetOp),
            Relation.RelTypeOneofCase.Range => new SqlBlock(string.Create(CultureInfo.InvariantCulture,
                $"range({r.Range.Start}, {r.Range.End}, {(r.Range.Step == 0 ? 1 : r.Range.Step)})"), []),
            Relation.RelTypeOneofCase.LocalRelation => Inline(r.LocalRelation),
            _ => throw new NotSupportedException($"The plan has a {r.RelTypeCase} relation{Detail(r)}, which ToSparkSql can't write as Spark SQL. Inspect it with ToPlanString() instead."),
        };
    }

    // A path is no name to qualify columns with; a SubqueryAlias above names it (`parquet.`/p` AS o`).
    private static SqlBlock FileBlock(Read read) => new(FileReadSql.Files(read), []);

    private SqlBlock Inline(LocalRelation relation)
    {
        var alias = NewAlias();
        return new SqlBlock(LocalRowsSql.From(relation, alias), [alias]);
    }

    private SqlBlock Named(string query)
    {
        var alias = NewAlias();
        return new SqlBlock(SqlBlock.Subquery(query, alias), [alias]);
    }

    private SqlBlock Project(SqlBlock block, IList<Expression> expressions)
    {
        var hasWindow = expressions.Any(SparkSqlExpressions.HasWindow);
        if (!block.CanProject(hasWindow) || expressions.Any(e => Renames(e, block.OrderByColumns))) block = Wrap(block);
        var render = new SparkSqlExpressions(block.Hidden);
        block.Select = string.Join(", ", expressions.Select(render.Render));
        return block;
    }

    private SqlBlock Filter(SqlBlock block, Expression condition)
    {
        if (!block.CanFilter) block = Wrap(block);
        block.Where.Add(new SparkSqlExpressions(block.Hidden).Render(condition));
        return block;
    }

    private SqlBlock Sort(SqlBlock block, IList<Expression.Types.SortOrder> order)
    {
        if (!block.CanSort) block = Wrap(block);
        var render = new SparkSqlExpressions(block.Hidden);
        block.OrderBy = string.Join(", ", order.Select(render.Render));
        foreach (var key in order)
        {
            Plans.PlanWalk.Visit(key, m =>
            {
                if (m is Expression.Types.UnresolvedAttribute a) block.OrderByColumns.Add(SparkSqlNames.Parts(a.UnparsedIdentifier)[^1]);
            });
        }
        return block;
    }

    /// <summary>
    /// True when <paramref name="e"/> names its result after a column the block's ORDER BY uses without being that column
    /// (<c>Id AS Amount</c> over <c>ORDER BY Amount</c>): in one SELECT the alias would win and change the order.
    /// </summary>
    private static bool Renames(Expression e, HashSet<string> orderColumns) =>
        e.ExprTypeCase == Expression.ExprTypeOneofCase.Alias && e.Alias.Name.Count == 1 && orderColumns.Contains(e.Alias.Name[0])
        && !(e.Alias.Expr.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedAttribute
             && string.Equals(SparkSqlNames.Parts(e.Alias.Expr.UnresolvedAttribute.UnparsedIdentifier)[^1], e.Alias.Name[0], StringComparison.OrdinalIgnoreCase));

    private SqlBlock Limit(SqlBlock block, int limit)
    {
        // LIMIT applies after OFFSET in SQL, which is Limit(Offset(x)): only a second limit needs a subquery.
        if (block.Limit is not null) block = Wrap(block);
        block.Limit = limit;
        return block;
    }

    private SqlBlock Offset(SqlBlock block, int offset)
    {
        if (block.Offset is not null || block.Limit is not null) block = Wrap(block);
        block.Offset = offset;
        return block;
    }

    private SqlBlock Distinct(SqlBlock block)
    {
        if (!block.CanDistinct) block = Wrap(block);
        block.Distinct = true;
        return block;
    }

    private SqlBlock AggregateBlock(SqlBlock block, Aggregate aggregate)
    {
        if (aggregate.Pivot is not null || aggregate.GroupingSets.Count > 0)
            throw new NotSupportedException("The plan groups by grouping sets, or pivots under another group type, which ToSparkSql can't write as Spark SQL.");
        if (!block.CanAggregate) block = Wrap(block);
        var render = new SparkSqlExpressions(block.Hidden);
        // Spark's Aggregate returns its grouping expressions, then its aggregates.
        block.Select = string.Join(", ", aggregate.GroupingExpressions.Concat(aggregate.AggregateExpressions).Select(render.Render));
        block.GroupBy = aggregate.GroupingExpressions.Select(render.RenderUnaliased).ToList();
        return block;
    }

    private SqlBlock Alias(SqlBlock block, string alias)
    {
        var from = block.IsBare && block.Qualifiers.Count <= 1 && !block.IsJoin && !block.From.StartsWith('(')
            ? block.From + " AS " + SparkSqlNames.Quote(alias)
            : SqlBlock.Subquery(block.ToSql(), alias);
        return new SqlBlock(from, [alias]) { Hidden = block.IsBare ? block.Hidden : Hide(block) };
    }

    private SqlBlock JoinBlock(Join join)
    {
        var left = Block(join.Left);
        var right = Block(join.Right);
        var leftRef = left.IsBare ? left.From : Reference(ref left);
        var rightRef = right.IsBare && !right.IsJoin ? right.From : Reference(ref right);
        var hidden = new HashSet<string>(left.Hidden.Concat(right.Hidden), StringComparer.OrdinalIgnoreCase);
        var render = new SparkSqlExpressions(hidden);
        var keyword = join.JoinType switch
        {
            Join.Types.JoinType.Inner or Join.Types.JoinType.Unspecified => "JOIN",
            Join.Types.JoinType.LeftOuter => "LEFT OUTER JOIN",
            Join.Types.JoinType.RightOuter => "RIGHT OUTER JOIN",
            Join.Types.JoinType.FullOuter => "FULL OUTER JOIN",
            Join.Types.JoinType.LeftSemi => "LEFT SEMI JOIN",
            Join.Types.JoinType.LeftAnti => "LEFT ANTI JOIN",
            Join.Types.JoinType.Cross when join.JoinCondition is null && join.UsingColumns.Count == 0 => "CROSS JOIN",
            Join.Types.JoinType.Cross => "JOIN",
            _ => throw new NotSupportedException($"The plan has a {join.JoinType} join, which ToSparkSql can't write as Spark SQL."),
        };
        var text = $"{leftRef}\n{keyword} {rightRef}";
        if (join.JoinCondition is not null) text += " ON " + render.Render(join.JoinCondition);
        else if (join.UsingColumns.Count > 0) text += " USING (" + string.Join(", ", join.UsingColumns.Select(SparkSqlNames.Quote)) + ")";
        var semi = join.JoinType is Join.Types.JoinType.LeftSemi or Join.Types.JoinType.LeftAnti;
        return new SqlBlock(text, semi ? left.Qualifiers : [.. left.Qualifiers, .. right.Qualifiers]) { Hidden = hidden, IsJoin = true };
    }

    private SqlBlock SetOperationBlock(SetOperation set)
    {
        var op = set.SetOpType switch
        {
            SetOperation.Types.SetOpType.Union => "UNION",
            SetOperation.Types.SetOpType.Intersect => "INTERSECT",
            SetOperation.Types.SetOpType.Except => "EXCEPT",
            _ => throw new NotSupportedException($"The plan has a {set.SetOpType} set operation, which ToSparkSql can't write as Spark SQL."),
        };
        var left = Block(set.LeftInput).ToSql();
        var right = Block(set.RightInput).ToSql();
        var alias = NewAlias();
        var body = $"(\n{SqlBlock.Indent(left)}\n)\n{op}{(set.IsAll ? " ALL" : string.Empty)}\n(\n{SqlBlock.Indent(right)}\n)";
        return new SqlBlock(SqlBlock.Subquery(body, alias), [alias]);
    }

    /// <summary>A non-bare block as a join side: a subquery under its one qualifier, or a fresh alias (its qualifiers are then hidden).</summary>
    private string Reference(ref SqlBlock block)
    {
        var wrapped = Wrap(block);
        block = wrapped;
        return wrapped.From;
    }

    private SqlBlock Wrap(SqlBlock block)
    {
        var alias = block.Qualifiers.Count == 1 ? block.Qualifiers[0] : NewAlias();
        return new SqlBlock(SqlBlock.Subquery(block.ToSql(), alias), [alias]) { Hidden = Hide(block) };
    }

    /// <summary>What a subquery around <paramref name="block"/> hides: every qualifier inside when there are several (a join's sides).</summary>
    private static HashSet<string> Hide(SqlBlock block)
    {
        var hidden = new HashSet<string>(block.Hidden, StringComparer.OrdinalIgnoreCase);
        if (block.Qualifiers.Count > 1) hidden.UnionWith(block.Qualifiers);
        return hidden;
    }

    private string NewAlias() => "_" + (++_aliases).ToString(CultureInfo.InvariantCulture);

    private static string Detail(Relation r) => r.RelTypeCase switch
    {
        Relation.RelTypeOneofCase.Sql => " with arguments",
        Relation.RelTypeOneofCase.Read => r.Read.ReadTypeCase == Read.ReadTypeOneofCase.DataSource ? " of files" : " with options",
        Relation.RelTypeOneofCase.Aggregate => $" ({r.Aggregate.GroupType})",
        Relation.RelTypeOneofCase.Deduplicate => " on some columns",
        _ => string.Empty,
    };
}
