namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Finds the column a name refers to among an input's output, as Spark's analyzer does: names compare
/// case-insensitively; <c>a.b.c</c> first tries <c>a.b</c> as qualifier + column (or <c>a</c> as qualifier and
/// <c>b</c> as column), then <c>a</c> as a column with <c>b.c</c> as struct fields. Two different columns
/// matching is AMBIGUOUS_REFERENCE; none is UNRESOLVED_COLUMN.WITH_SUGGESTION listing what there is.
/// </summary>
internal static class ColumnLookup
{
    /// <summary>A match: the column and the struct field path still to extract from it.</summary>
    internal readonly record struct Match(PlanColumn Column, IReadOnlyList<string> Fields);

    /// <summary>The match for <paramref name="parts"/>, or null when nothing matches.</summary>
    internal static Match? TryFind(IReadOnlyList<PlanColumn> columns, IReadOnlyList<string> parts)
    {
        // Longest qualifier first: db.table.column, then table.column, then column.
        for (var qualifierLength = Math.Min(parts.Count - 1, 2); qualifierLength >= 0; qualifierLength--)
        {
            var name = parts[qualifierLength];
            var qualifier = parts.Take(qualifierLength).ToList();
            var found = columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && QualifierMatches(c.Qualifier, qualifier))
                .DistinctBy(c => c.Id).ToList();
            if (found.Count > 1)
                throw Ambiguous(parts, found);
            if (found.Count == 1)
                return new Match(found[0], parts.Skip(qualifierLength + 1).ToList());
        }
        return null;
    }

    /// <summary>The match for <paramref name="parts"/>, or Spark's unresolved-column error.</summary>
    internal static Match Find(IReadOnlyList<PlanColumn> columns, IReadOnlyList<string> parts) =>
        TryFind(columns, parts) ?? throw Unresolved(parts, columns);

    /// <summary>The qualifier given matches the end of the column's qualifier (<c>t</c> matches <c>db.t</c>).</summary>
    private static bool QualifierMatches(IReadOnlyList<string> columnQualifier, IReadOnlyList<string> given) =>
        given.Count <= columnQualifier.Count
        && given.Select((part, i) => string.Equals(part, columnQualifier[columnQualifier.Count - given.Count + i], StringComparison.OrdinalIgnoreCase)).All(x => x);

    internal static LocalEngineException Ambiguous(IReadOnlyList<string> parts, IEnumerable<PlanColumn> candidates)
    {
        var name = Quote(parts);
        var list = "[" + string.Join(", ", candidates.Select(c => c.Display)) + "]";
        return new LocalEngineException("AMBIGUOUS_REFERENCE", "42704",
            $"Reference {name} is ambiguous, could be: {list}. Qualify it with its DataFrame (df[\"name\"]) or an alias.",
            new Dictionary<string, string> { ["name"] = name, ["referenceNames"] = list });
    }

    internal static LocalEngineException Unresolved(IReadOnlyList<string> parts, IReadOnlyList<PlanColumn> columns)
    {
        var name = Quote(parts);
        // As Spark: with nothing to propose (an input without columns) the error has no proposal.
        if (columns.Count == 0)
            return new LocalEngineException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703",
                $"A column, variable, or function parameter with name {name} cannot be resolved.",
                new Dictionary<string, string> { ["objectName"] = name });
        var proposal = string.Join(", ", Suggestions(parts[^1], columns).Select(c => c.Display));
        return new LocalEngineException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
            $"A column, variable, or function parameter with name {name} cannot be resolved. Did you mean one of the following? [{proposal}].",
            new Dictionary<string, string> { ["objectName"] = name, ["proposal"] = proposal });
    }

    /// <summary>Spark proposes the closest names first (by edit distance), at most five.</summary>
    private static IEnumerable<PlanColumn> Suggestions(string name, IReadOnlyList<PlanColumn> columns) =>
        columns.DistinctBy(c => c.Id).OrderBy(c => Distance(name.ToLowerInvariant(), c.Name.ToLowerInvariant())).ThenBy(c => c.Name, StringComparer.Ordinal).Take(5);

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    /// <summary><c>`a`.`b`</c>, as Spark quotes names in messages.</summary>
    internal static string Quote(IEnumerable<string> parts) => string.Join(".", parts.Select(p => "`" + p.Replace("`", "``", StringComparison.Ordinal) + "`"));
}
