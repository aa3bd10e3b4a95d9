using System.Text;
using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.Plans;

/// <summary>
/// Renders a relation as an indented tree, root first, for logs and test failures:
/// <code>
/// Limit 10
///   Sort [Amount DESC NULLS LAST]
///     Filter (Amount &gt; 100)
///       Read orders
/// </code>
/// </summary>
internal static class PlanPrinter
{
    public static string Print(Relation relation)
    {
        var text = new StringBuilder();
        // An explicit stack: the printer runs in ToString and debuggers, where an overflow would end the process.
        var pending = new Stack<(Relation Relation, int Depth)>();
        pending.Push((relation, 0));
        while (pending.TryPop(out var item))
        {
            text.Append(' ', item.Depth * 2).Append(Describe(item.Relation)).Append('\n');
            var inputs = Inputs(item.Relation).OfType<Relation>().ToList();
            for (var i = inputs.Count - 1; i >= 0; i--) pending.Push((inputs[i], item.Depth + 1));
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Describe(Relation r) => r.RelTypeCase switch
    {
        Relation.RelTypeOneofCase.Read when r.Read.ReadTypeCase == Read.ReadTypeOneofCase.NamedTable => $"Read {r.Read.NamedTable.UnparsedIdentifier}",
        Relation.RelTypeOneofCase.Read => $"Read {r.Read.DataSource.Format} [{string.Join(", ", r.Read.DataSource.Paths)}]",
        Relation.RelTypeOneofCase.Sql => $"Sql \"{r.Sql.Query}\"" + Arguments(r.Sql),
        Relation.RelTypeOneofCase.Project => $"Project [{List(r.Project.Expressions)}]",
        Relation.RelTypeOneofCase.Filter => $"Filter {ExpressionPrinter.Print(r.Filter.Condition)}",
        Relation.RelTypeOneofCase.Sort => $"Sort [{string.Join(", ", r.Sort.Order.Select(ExpressionPrinter.Print))}]",
        Relation.RelTypeOneofCase.Limit => $"Limit {r.Limit.Limit_}",
        Relation.RelTypeOneofCase.Offset => $"Offset {r.Offset.Offset_}",
        Relation.RelTypeOneofCase.Tail => $"Tail {r.Tail.Limit}",
        Relation.RelTypeOneofCase.Deduplicate => r.Deduplicate.AllColumnsAsKeys ? "Distinct" : $"Deduplicate [{string.Join(", ", r.Deduplicate.ColumnNames)}]",
        Relation.RelTypeOneofCase.Drop => $"Drop [{string.Join(", ", r.Drop.ColumnNames)}]",
        Relation.RelTypeOneofCase.Aggregate => $"Aggregate [{List(r.Aggregate.GroupingExpressions)}] [{List(r.Aggregate.AggregateExpressions)}]",
        Relation.RelTypeOneofCase.LocalRelation => LocalRelation(r.LocalRelation),
        Relation.RelTypeOneofCase.Join => $"Join {r.Join.JoinType} {(r.Join.JoinCondition is null ? string.Empty : ExpressionPrinter.Print(r.Join.JoinCondition))}".TrimEnd(),
        Relation.RelTypeOneofCase.SetOp => $"{r.SetOp.SetOpType}{(r.SetOp.IsAll ? " ALL" : string.Empty)}",
        Relation.RelTypeOneofCase.SubqueryAlias => $"SubqueryAlias {r.SubqueryAlias.Alias}",
        _ => r.RelTypeCase.ToString(),
    };

    // The Arrow stream's own schema says what the rows are; the data itself would drown the plan.
    private static string LocalRelation(LocalRelation local)
    {
        if (local.HasSchema || !local.HasData) return $"LocalRelation {local.Schema}".TrimEnd();
        try
        {
            var reader = new Spark.Connect.Arrow.ArrowStreamReader(local.Data.Memory);
            var rows = 0L;
            while (reader.ReadNextBatch() is { } batch) rows += batch.Length;
            return $"LocalRelation [{reader.Schema}] ({rows} rows)";
        }
        catch (Spark.Connect.Arrow.ArrowFormatException)
        {
            return $"LocalRelation ({local.Data.Length} bytes of unreadable Arrow data)";
        }
    }

    private static IEnumerable<Relation?> Inputs(Relation r) => r.RelTypeCase switch
    {
        Relation.RelTypeOneofCase.Project => [r.Project.Input],
        Relation.RelTypeOneofCase.Filter => [r.Filter.Input],
        Relation.RelTypeOneofCase.Sort => [r.Sort.Input],
        Relation.RelTypeOneofCase.Limit => [r.Limit.Input],
        Relation.RelTypeOneofCase.Offset => [r.Offset.Input],
        Relation.RelTypeOneofCase.Tail => [r.Tail.Input],
        Relation.RelTypeOneofCase.Deduplicate => [r.Deduplicate.Input],
        Relation.RelTypeOneofCase.Aggregate => [r.Aggregate.Input],
        Relation.RelTypeOneofCase.Drop => [r.Drop.Input],
        Relation.RelTypeOneofCase.Join => [r.Join.Left, r.Join.Right],
        Relation.RelTypeOneofCase.SetOp => [r.SetOp.LeftInput, r.SetOp.RightInput],
        Relation.RelTypeOneofCase.SubqueryAlias => [r.SubqueryAlias.Input],
        _ => [],
    };

    private static string List(IEnumerable<Expression> expressions) => string.Join(", ", expressions.Select(ExpressionPrinter.Print));

    private static string Arguments(SQL sql) =>
        sql.NamedArguments.Count == 0 ? string.Empty : " {" + string.Join(", ", sql.NamedArguments.Select(a => $"{a.Key} = {ExpressionPrinter.Print(a.Value)}")) + "}";
}
