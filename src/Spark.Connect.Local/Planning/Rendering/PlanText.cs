using System.Globalization;
using System.Text;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// The resolved plan as text, in the shape of Spark's analyzed logical plan (<c>Project [id#3L, …]</c> with
/// <c>+-</c> and <c>:-</c> children): what <c>explain(extended = true)</c> shows above DuckDB's physical plan.
/// Column ids are this engine's; literals are shown as Spark names them (explain is the user's own request).
/// </summary>
internal static class PlanText
{
    internal static string Render(LogicalPlan plan)
    {
        var text = new StringBuilder();
        Append(text, plan, "", "");
        return text.ToString();
    }

    /// <summary><c>id: bigint, name: string</c>, the line Spark prints above the analyzed plan.</summary>
    internal static string Schema(LogicalPlan plan) =>
        string.Join(", ", plan.Output.Select(c => $"{c.Name}: {SparkTypes.Name(c.Type)}"));

    private static void Append(StringBuilder text, LogicalPlan plan, string firstPrefix, string restPrefix)
    {
        PlanComplexity.EnsureStack();
        text.Append(firstPrefix).Append(Describe(plan)).Append('\n');
        var children = plan is PassThroughPlan { Opaque: true } view ? [view.Child] : plan.Children.ToList();
        for (var i = 0; i < children.Count; i++)
        {
            var last = i == children.Count - 1;
            Append(text, children[i], restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }

    private static string Describe(LogicalPlan plan) => plan switch
    {
        ScanPlan scan => $"Relation [{Columns(scan.Output)}]",
        SqlPlan sql => $"SQL [{Columns(sql.Output)}]",
        ProjectPlan project => $"Project [{Items(project.Items)}]",
        FilterPlan filter => $"Filter {Expression(filter.Condition)}",
        SortPlan sort => $"Sort [{string.Join(", ", sort.Keys.Select(Key))}], true",
        RowCountPlan { Kind: RowCountKind.Limit } limit => $"GlobalLimit {Number(limit.Count)}",
        RowCountPlan { Kind: RowCountKind.Offset } offset => $"Offset {Number(offset.Count)}",
        RowCountPlan tail => $"Tail {Number(tail.Count)}",
        DistinctPlan { Keys: null } => "Distinct",
        DistinctPlan distinct => $"Deduplicate [{Columns(distinct.Keys!)}]",
        AggregatePlan aggregate => $"Aggregate [{Items(aggregate.Groupings)}], [{Items(aggregate.Groupings.Concat(aggregate.Aggregates))}]",
        JoinPlan join => $"Join {join.Kind}{(join.Condition is null ? "" : ", " + Expression(join.Condition))}",
        SetOperationPlan set => set.Keyword switch { "UNION" => "Distinct Union", "UNION ALL" => "Union", var k => k.ToLowerInvariant() },
        PassThroughPlan { Opaque: true } view => $"View [{Columns(view.Output)}]",
        PassThroughPlan pass when pass.Output.Count > 0 && pass.Output[0].Qualifier.Count > 0
            && !pass.Output[0].Qualifier.SequenceEqual(pass.Child.Output[0].Qualifier) => $"SubqueryAlias {pass.Output[0].Qualifier[^1]}",
        PassThroughPlan => "Pass-through (hint or repartition)",
        _ => plan.GetType().Name.Replace("Plan", "", StringComparison.Ordinal),
    };

    private static string Columns(IEnumerable<PlanColumn> columns) => string.Join(", ", columns.Select(Column));

    private static string Column(PlanColumn column) => $"{column.Name}#{Number(column.Id)}";

    private static string Items(IEnumerable<NamedExpression> items) => string.Join(", ", items.Select(i =>
        i.Expression is ColumnReference reference && reference.Column.Id == i.Column.Id ? Column(i.Column) : $"{Expression(i.Expression)} AS {Column(i.Column)}"));

    private static string Key(Resolution.SortKey key) =>
        $"{Expression(key.Expression)} {(key.Descending ? "DESC" : "ASC")} NULLS {(key.NullsFirst ? "FIRST" : "LAST")}";

    private static string Expression(ResolvedExpression expression)
    {
        PlanComplexity.EnsureStack();
        return ExpressionText(expression);
    }

    private static string ExpressionText(ResolvedExpression expression) => expression switch
    {
        ColumnReference column => Column(column.Column),
        FunctionExpression function => $"{function.Name}({string.Join(", ", function.Arguments.Select(Expression))})",
        CastExpression cast => $"cast({Expression(cast.Operand)} as {SparkTypes.Name(cast.Type)})",
        ExtractExpression { Kind: ExtractionKind.StructField } field => $"{Expression(field.Child)}.{field.FieldName}",
        ExtractExpression element => $"{Expression(element.Child)}[{Expression(element.Key!)}]",
        LambdaVariableReference variable => $"lambda {variable.Variable.Name}",
        ResolvedLambda lambda => $"lambdafunction({Expression(lambda.Body)}, {string.Join(", ", lambda.Parameters.Select(p => "lambda " + p.Name))})",
        WindowExpression window => $"{Expression(window.Function)} windowspecdefinition(…)",
        ResolvedSubquery subquery => $"{subquery.Kind.ToString().ToLowerInvariant()}-subquery",
        StarArgument => "*",
        _ => ColumnNamer.Name(expression.Source),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
