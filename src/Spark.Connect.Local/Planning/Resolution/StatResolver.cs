using Spark.Connect.Local.Planning.Functions;
using static Spark.Connect.Local.Planning.Resolution.UnresolvedExpressions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.stat.cov</c>, <c>df.stat.corr</c> and <c>df.stat.crosstab</c>, written as the ordinary relations Spark's own
/// implementations amount to and resolved as those: one row with the sample covariance (<c>cov</c>) or Pearson
/// correlation (<c>corr</c>) of two numeric columns, and for crosstab a pivot of row counts by both columns' text
/// (null as "null", backquotes removed from the second column's values, which name columns), zero where a pair never occurs, its first column named <c>col1_col2</c>.
/// </summary>
internal static class StatResolver
{
    internal static LogicalPlan Cov(RelationResolver resolver, Relation relation)
    {
        var cov = relation.Cov;
        return Single(resolver, relation, cov.Input, "covar_samp", cov.Col1, cov.Col2, "cov", "cov");
    }

    internal static LogicalPlan Corr(RelationResolver resolver, Relation relation)
    {
        var corr = relation.Corr;
        if (corr.HasMethod && !corr.Method.Equals("pearson", StringComparison.OrdinalIgnoreCase))
            throw LocalEngineException.Unsupported($"the correlation method '{corr.Method}'", "Spark computes only the Pearson correlation; use method 'pearson'.");
        return Single(resolver, relation, corr.Input, "corr", corr.Col1, corr.Col2, "corr", "corr");
    }

    internal static LogicalPlan Crosstab(RelationResolver resolver, Relation relation)
    {
        var crosstab = relation.Crosstab;
        var input = crosstab.Input ?? throw new LocalEngineException("INVALID_PLAN", "XX000", "A crosstab relation is missing its input relation.");
        var texts = new Project { Input = input };
        texts.Expressions.Add(Alias(ColumnText(crosstab.Col1), crosstab.Col1));
        // The second column's values become column names: Spark removes backquotes from them first.
        texts.Expressions.Add(Alias(ColumnText(crosstab.Col2, withoutBackquotes: true), crosstab.Col2));
        var counts = new Aggregate { Input = new Relation { Project = texts }, GroupType = Aggregate.Types.GroupType.Pivot, Pivot = new Aggregate.Types.Pivot { Col = Column(crosstab.Col2) } };
        counts.GroupingExpressions.Add(Column(crosstab.Col1));
        counts.AggregateExpressions.Add(Call("count", Lit(new Literal { Integer = 1 })));
        var zeros = new NAFill { Input = new Relation { Aggregate = counts } };
        zeros.Values.Add(new Literal { Long = 0 });
        var renamed = new WithColumnsRenamed { Input = new Relation { FillNa = zeros } };
        renamed.Renames.Add(new WithColumnsRenamed.Types.Rename { ColName = crosstab.Col1, NewColName = $"{crosstab.Col1}_{crosstab.Col2}" });
        return resolver.Resolve(new Relation { Common = relation.Common, WithColumnsRenamed = renamed });
    }

    /// <summary>One row, one DOUBLE column: <paramref name="function"/> over two columns that must be numeric, as Spark requires.</summary>
    private static LogicalPlan Single(RelationResolver resolver, Relation relation, Relation? input, string function, string col1, string col2, string name, string what)
    {
        var child = resolver.Input(input);
        foreach (var columnName in new[] { col1, col2 })
        {
            var column = ResolvedCalls.NamedColumn(child.Output, columnName, what);
            if (!SparkTypes.IsNumeric(column.Type))
                throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                    $"{what} needs numeric columns: '{columnName}' is {SparkTypes.Name(column.Type)}. Cast it to a number first.");
        }
        var aggregate = new Aggregate { Input = input, GroupType = Aggregate.Types.GroupType.Groupby };
        aggregate.AggregateExpressions.Add(Alias(Call(function, Cast(Column(col1), SparkTypes.Double), Cast(Column(col2), SparkTypes.Double)), name));
        return resolver.Resolve(new Relation { Common = relation.Common, Aggregate = aggregate });
    }

    private static Expression ColumnText(string column, bool withoutBackquotes = false)
    {
        var text = Cast(Column(column), SparkTypes.String);
        if (withoutBackquotes)
            text = Call("regexp_replace", text, Text("`"), Text(""));
        return Call("coalesce", text, Text("null"));
    }
}
