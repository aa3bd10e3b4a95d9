using System.Globalization;
using System.Text;

namespace Spark.Linq.Testing;

/// <summary>
/// One <c>SELECT … FROM … WHERE … GROUP BY … ORDER BY … LIMIT … OFFSET …</c> being filled from the bottom of a plan up.
/// An operator joins the block only where SQL's own clause order (FROM, WHERE, GROUP BY, SELECT, DISTINCT, ORDER BY,
/// OFFSET, LIMIT) gives the plan's answer; otherwise the block becomes a subquery of a new one.
/// </summary>
internal sealed class SqlBlock(string from, IReadOnlyList<string> qualifiers)
{
    /// <summary>The FROM clause: a table, a join, or a parenthesised subquery with its alias.</summary>
    public string From { get; } = from;

    /// <summary>The names its columns may be qualified with (table names, subquery aliases).</summary>
    public IReadOnlyList<string> Qualifiers { get; } = qualifiers;

    /// <summary>Qualifiers of an inner block that a wrapping subquery hid (a join's two sides); references to them can't be written.</summary>
    public IReadOnlySet<string> Hidden { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The FROM clause is a join (it can't be the right side of another join without parentheses).</summary>
    public bool IsJoin { get; init; }

    public string? Select { get; set; }

    public List<string> Where { get; } = [];

    public List<string>? GroupBy { get; set; }

    public bool Distinct { get; set; }

    public string? OrderBy { get; set; }

    /// <summary>The column names ORDER BY refers to: a SELECT alias of the same name added later would take their place.</summary>
    public HashSet<string> OrderByColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int? Limit { get; set; }

    public int? Offset { get; set; }

    /// <summary>Only a FROM: the block can stand in a FROM clause or a join as it is.</summary>
    public bool IsBare => Select is null && Where.Count == 0 && GroupBy is null && !Distinct && OrderBy is null && Limit is null && Offset is null;

    public bool CanFilter => Select is null && GroupBy is null && !Distinct && OrderBy is null && Limit is null && Offset is null;

    public bool CanProject(bool hasWindow) => Select is null && GroupBy is null && !Distinct && (!hasWindow || (Limit is null && Offset is null));

    public bool CanSort => OrderBy is null && Limit is null && Offset is null;

    public bool CanAggregate => CanFilter;

    public bool CanDistinct => !Distinct && OrderBy is null && Limit is null && Offset is null;

    public string ToSql()
    {
        var text = new StringBuilder("SELECT ");
        if (Distinct) text.Append("DISTINCT ");
        text.Append(Select ?? "*").Append('\n').Append("FROM ").Append(From);
        if (Where.Count > 0) text.Append('\n').Append("WHERE ").Append(string.Join(" AND ", Where));
        if (GroupBy is { Count: > 0 }) text.Append('\n').Append("GROUP BY ").Append(string.Join(", ", GroupBy));
        if (OrderBy is not null) text.Append('\n').Append("ORDER BY ").Append(OrderBy);
        if (Limit is { } limit) text.Append('\n').Append("LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        if (Offset is { } offset) text.Append('\n').Append("OFFSET ").Append(offset.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary><paramref name="sql"/> as a parenthesised subquery for a FROM clause, indented one level.</summary>
    public static string Subquery(string sql, string alias) => "(\n" + Indent(sql) + "\n) AS " + SparkSqlNames.Quote(alias);

    public static string Indent(string sql) => "  " + sql.Replace("\n", "\n  ", StringComparison.Ordinal);
}
