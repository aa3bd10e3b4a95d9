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
        Print(relation, 0, text);
        return text.ToString().TrimEnd('\n');
    }

    private static void Print(Relation? relation, int depth, StringBuilder text)
    {
        if (relation is null) return;
        text.Append(' ', depth * 2).Append(Describe(relation)).Append('\n');
        foreach (var input in Inputs(relation)) Print(input, depth + 1, text);
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
        Relation.RelTypeOneofCase.Join => [r.Join.Left, r.Join.Right],
        Relation.RelTypeOneofCase.SetOp => [r.SetOp.LeftInput, r.SetOp.RightInput],
        Relation.RelTypeOneofCase.SubqueryAlias => [r.SubqueryAlias.Input],
        _ => [],
    };

    private static string List(IEnumerable<Expression> expressions) => string.Join(", ", expressions.Select(ExpressionPrinter.Print));

    private static string Arguments(SQL sql) =>
        sql.NamedArguments.Count == 0 ? string.Empty : " {" + string.Join(", ", sql.NamedArguments.Select(a => $"{a.Key} = {ExpressionPrinter.Print(a.Value)}")) + "}";
}
