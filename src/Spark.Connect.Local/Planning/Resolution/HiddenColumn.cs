namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A join key a USING or NATURAL join keeps out of its output but still lets a qualified name reach, as Spark's
/// hidden (qualified-access-only) metadata columns: after <c>nt1 JOIN nt2 USING (k)</c>, <c>nt2.k</c> and
/// <c>nt2.*</c> see the right side's key, while <c>k</c> and <c>*</c> see only the output. A Filter or Sort above the
/// join passes them on; a projection, aggregate or alias does not. <paramref name="Referenced"/> is shared by every
/// plan that passes the column on, so the join renders it only when some expression used it.
/// </summary>
internal sealed record HiddenColumn(PlanColumn Column, ISet<int> Referenced)
{
    /// <summary>The hidden column <paramref name="parts"/> names (qualified names only), marked as used; null when none matches.</summary>
    internal static ColumnLookup.Match? TryFind(IReadOnlyList<HiddenColumn> hidden, IReadOnlyList<string> parts)
    {
        if (hidden.Count == 0 || parts.Count < 2)
            return null;
        if (ColumnLookup.TryFind(hidden.Select(h => h.Column).ToList(), parts) is not { } match || match.Fields.Count == parts.Count - 1)
            return null;
        MarkUsed(hidden, match.Column);
        return match;
    }

    /// <summary>Records that an expression reads <paramref name="column"/>, so the join that hides it renders it.</summary>
    internal static void MarkUsed(IReadOnlyList<HiddenColumn> hidden, PlanColumn column)
    {
        foreach (var entry in hidden.Where(h => h.Column.Id == column.Id))
            entry.Referenced.Add(column.Id);
    }
}
