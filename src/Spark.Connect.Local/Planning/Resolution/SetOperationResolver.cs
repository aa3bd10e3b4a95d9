using Spark.Connect.Local.Planning.Functions;
using SetOpType = Spark.Connect.Protocol.SetOperation.Types.SetOpType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// UNION / INTERSECT / EXCEPT (ALL), by position or by name. Both sides are brought to the same column
/// types (Spark's widening) and the result has new columns named after the left side's.
/// </summary>
internal static class SetOperationResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var operation = relation.SetOp;
        var left = resolver.Input(operation.LeftInput);
        var right = resolver.Input(operation.RightInput);
        var keyword = operation.SetOpType switch
        {
            SetOpType.Union => "UNION",
            SetOpType.Intersect => "INTERSECT",
            SetOpType.Except => "EXCEPT",
            _ => throw LocalEngineException.Unsupported($"the set operation '{operation.SetOpType}'", "Use union, intersect or except."),
        };
        if (operation.IsAll)
            keyword += " ALL";
        if (!operation.AllowMissingColumns && left.Output.Count != right.Output.Count)
            throw new LocalEngineException("NUM_COLUMNS_MISMATCH", "42826",
                $"{keyword} can only be performed on inputs with the same number of columns, but the first input has {left.Output.Count} columns and the second input has {right.Output.Count} columns.");
        var columns = operation.ByName
            ? ByName(operation, left.Output, right.Output)
            : left.Output.Zip(right.Output, (l, r) => (l.Name, (ResolvedExpression)ResolvedCalls.Column(l), (ResolvedExpression)ResolvedCalls.Column(r))).ToList();
        var output = new List<PlanColumn>();
        var leftCast = new List<ResolvedExpression>();
        var rightCast = new List<ResolvedExpression>();
        for (var i = 0; i < columns.Count; i++)
        {
            var (name, l, r) = columns[i];
            var type = SetOperationTypes.Wider(l.Type, r.Type) ?? throw new LocalEngineException("INCOMPATIBLE_COLUMN_TYPE", "42825",
                $"{keyword} can only be performed on inputs with compatible column types. Column {i + 1} is {SparkTypes.Name(l.Type)} on the left and {SparkTypes.Name(r.Type)} on the right.");
            leftCast.Add(CastTo(l, type));
            rightCast.Add(CastTo(r, type));
            output.Add(resolver.Context.NewColumn(name, type, l.Nullable || r.Nullable));
        }
        return new SetOperationPlan(RelationResolver.PlanId(relation), output, keyword, left, leftCast, right, rightCast);
    }

    private static ResolvedExpression CastTo(ResolvedExpression expression, DataType type) =>
        expression.Type.Equals(type) ? expression : new CastExpression(expression, type, false, new Expression { Cast = new Expression.Types.Cast { Type = type } });

    /// <summary>
    /// unionByName: the right's columns in the left's order, matched case-insensitively; with
    /// allowMissingColumns a column one side lacks is null there (the right's extra columns come last).
    /// </summary>
    private static List<(string Name, ResolvedExpression Left, ResolvedExpression Right)> ByName(SetOperation operation,
        IReadOnlyList<PlanColumn> left, IReadOnlyList<PlanColumn> right)
    {
        if (operation.SetOpType != SetOpType.Union)
            throw LocalEngineException.Unsupported("intersect or except by name", "Select the columns in the same order and use the positional form.");
        var columns = new List<(string, ResolvedExpression, ResolvedExpression)>();
        foreach (var column in left)
        {
            var match = right.FirstOrDefault(r => string.Equals(r.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
                columns.Add((column.Name, ResolvedCalls.Column(column), ResolvedCalls.Column(match)));
            else if (operation.AllowMissingColumns)
                columns.Add((column.Name, ResolvedCalls.Column(column), NullOf(column.Type)));
            else
                throw new LocalEngineException("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", "42703",
                    $"Cannot resolve column name \"{column.Name}\" among ({string.Join(", ", right.Select(c => c.Name))}).");
        }
        foreach (var extra in right.Where(r => left.All(l => !string.Equals(l.Name, r.Name, StringComparison.OrdinalIgnoreCase))))
        {
            if (!operation.AllowMissingColumns)
                throw new LocalEngineException("NUM_COLUMNS_MISMATCH", "42826",
                    $"unionByName needs the same column names on both sides (or allowMissingColumns = true); the right side also has `{extra.Name}`.");
            columns.Add((extra.Name, NullOf(extra.Type), ResolvedCalls.Column(extra)));
        }
        return columns;
    }

    private static LiteralExpression NullOf(DataType type) =>
        new(new Expression.Types.Literal { Null = type }, type, new Expression());
}
