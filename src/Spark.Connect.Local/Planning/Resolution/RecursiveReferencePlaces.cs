using Kind = Spark.Connect.Protocol.Relation.RelTypeOneofCase;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Where a recursive CTE's recursive term may read the CTE itself, as Spark's analyzer checks it: not under an
/// aggregate, not on the side of an outer join that may be null-filled (the right of LEFT, the left of RIGHT, either
/// of FULL), not on the right of a semi or anti join. Each would make one level depend on rows a later level adds.
/// Subquery expressions are not searched (Spark runs <c>SELECT (SELECT max(n) FROM r)</c>).
/// </summary>
internal static class RecursiveReferencePlaces
{
    /// <summary>Throws <c>INVALID_RECURSIVE_REFERENCE.PLACE</c> when <paramref name="relation"/> reads definition <paramref name="id"/> where it may not.</summary>
    internal static void Check(Relation relation, long id) => Visit(relation, id, allowed: true, onlyFind: false);

    /// <summary>True when <paramref name="relation"/> reads definition <paramref name="id"/> anywhere outside subquery expressions.</summary>
    internal static bool Reads(Relation relation, long id) => Visit(relation, id, allowed: true, onlyFind: true);

    private static bool Visit(Relation? relation, long id, bool allowed, bool onlyFind)
    {
        if (relation is null)
            return false;
        if (Sql.RecursiveCte.TryReadReference(relation) == id)
            return onlyFind || allowed ? true : throw Misplaced();
        if (Sql.NaturalJoin.TryRead(relation) is { } natural)
            return Join(natural, id, allowed, onlyFind);
        if (Sql.RecursiveCte.TryReadDefinition(relation) is { } nested)
            return Visit(nested.Query, id, allowed, onlyFind);
        if (Sql.ImplicitIdUnpivot.TryRead(relation) is { } unpivot)
            return Visit(unpivot.Input, id, allowed, onlyFind);
        return relation.RelTypeCase switch
        {
            Kind.Aggregate => Visit(relation.Aggregate.Input, id, false, onlyFind),
            Kind.Join => Join(relation.Join, id, allowed, onlyFind),
            Kind.SetOp => Visit(relation.SetOp.LeftInput, id, allowed, onlyFind) | Visit(relation.SetOp.RightInput, id, allowed, onlyFind),
            // A select list with aggregate calls and no GROUP BY is a global aggregate.
            Kind.Project => Visit(relation.Project.Input, id, allowed && !relation.Project.Expressions.Any(Sql.SqlParser.ContainsAggregate), onlyFind),
            Kind.Filter => Visit(relation.Filter.Input, id, allowed, onlyFind),
            Kind.Sort => Visit(relation.Sort.Input, id, allowed, onlyFind),
            Kind.Limit => Visit(relation.Limit.Input, id, allowed, onlyFind),
            Kind.Offset => Visit(relation.Offset.Input, id, allowed, onlyFind),
            Kind.Tail => Visit(relation.Tail.Input, id, allowed, onlyFind),
            Kind.Deduplicate => Visit(relation.Deduplicate.Input, id, allowed, onlyFind),
            Kind.SubqueryAlias => Visit(relation.SubqueryAlias.Input, id, allowed, onlyFind),
            Kind.ToDf => Visit(relation.ToDf.Input, id, allowed, onlyFind),
            Kind.WithColumns => Visit(relation.WithColumns.Input, id, allowed, onlyFind),
            Kind.Hint => Visit(relation.Hint.Input, id, allowed, onlyFind),
            Kind.Sample => Visit(relation.Sample.Input, id, allowed, onlyFind),
            Kind.Unpivot => Visit(relation.Unpivot.Input, id, allowed, onlyFind),
            Kind.WithRelations => Visit(relation.WithRelations.Root, id, allowed, onlyFind),
            _ => false,
        };
    }

    private static bool Join(Join join, long id, bool allowed, bool onlyFind)
    {
        var (left, right) = join.JoinType switch
        {
            JoinType.LeftOuter => (allowed, false),
            JoinType.RightOuter => (false, allowed),
            JoinType.FullOuter => (false, false),
            JoinType.LeftSemi or JoinType.LeftAnti => (allowed, false),
            _ => (allowed, allowed),
        };
        return Visit(join.Left, id, left, onlyFind) | Visit(join.Right, id, right, onlyFind);
    }

    private static LocalEngineException Misplaced() => new("INVALID_RECURSIVE_REFERENCE.PLACE", "42836",
        "Invalid recursive reference found inside WITH RECURSIVE clause. Recursive references cannot be used on the right side of left outer/semi/anti joins, on the left side of right outer joins, in full outer joins, in aggregates, and in subquery expressions.");
}
