using SetOpType = Spark.Connect.SetOperation.Types.SetOpType;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>UNION / INTERSECT / EXCEPT, with or without ALL, by position or (for union) by name.</summary>
internal static class SetOperationRenderer
{
    internal static Source Render(RelationRenderer renderer, Relation relation)
    {
        var operation = relation.SetOp;
        var left = renderer.Input(operation.LeftInput);
        var right = renderer.Input(operation.RightInput);
        var keyword = operation.SetOpType switch
        {
            SetOpType.Union => "UNION",
            SetOpType.Intersect => "INTERSECT",
            SetOpType.Except => "EXCEPT",
            _ => throw LocalEngineException.Unsupported($"the set operation '{operation.SetOpType}'", "Use union, intersect or except."),
        };
        if (operation.IsAll)
            keyword += " ALL";
        if (operation.ByName)
        {
            if (operation.SetOpType != SetOpType.Union)
                throw LocalEngineException.Unsupported("intersect or except by name", "Select the columns in the same order and use the positional form.");
            if (!operation.AllowMissingColumns)
                RequireSameNames(renderer, left, right);
            keyword += " BY NAME";
        }
        var query = $"({left.ToQuery()}) {keyword} ({right.ToQuery()})";
        // The result's columns are new (their names come from the left side): only this node's id resolves to them.
        var alias = renderer.Context.NextAlias();
        var scope = Scope.Opaque(Scope.Merge(left.Scope, right.Scope), RelationRenderer.PlanId(relation), alias);
        return new Source($"({query}) AS {alias}", scope, [], "*", query, alias);
    }

    /// <summary>DuckDB's UNION BY NAME fills missing columns with NULL; Spark refuses unless allowMissingColumns is set.</summary>
    private static void RequireSameNames(RelationRenderer renderer, Source left, Source right)
    {
        var leftNames = renderer.ColumnNames(left).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rightNames = renderer.ColumnNames(right).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!leftNames.SetEquals(rightNames))
            throw new LocalEngineException("NUM_COLUMNS_MISMATCH", "42826",
                "unionByName needs the same column names on both sides (or allowMissingColumns = true); left has " +
                $"[{string.Join(", ", leftNames)}], right has [{string.Join(", ", rightNames)}].");
    }
}
