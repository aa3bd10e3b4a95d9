using System.Linq.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;
using Spark.Linq.Testing;
using Spark.Linq.Translation;

namespace Spark.Linq.Writes;

/// <summary>
/// Turns the partition columns of <see cref="SparkWriteOptions{T}"/> into the column names a write sends. A member
/// is looked up in the translated query's row shape, so it gets the very column the query reads it from
/// (<c>[Column]</c>, the naming policy, a projection's alias); a name is checked against the query's output columns
/// when the plan states them. Anything else is an <see cref="ArgumentException"/> before anything is sent.
/// </summary>
internal static class PartitionColumns
{
    public static List<string> Resolve<T>(WriteInput input, SparkWriteOptions<T> options)
    {
        var columns = new List<string>();
        foreach (var selector in options.PartitionBy)
        {
            ArgumentNullException.ThrowIfNull(selector, nameof(options.PartitionBy));
            columns.Add(FromMember(input.Query.Row, selector));
        }
        var known = QueryPlan.From(input.Relation).OutputColumns;
        foreach (var name in options.PartitionByColumns)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A partition column name is empty.", nameof(options.PartitionByColumns));
            if (!known.Contains("*") && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException(
                    $"The partition column '{name}' is not a column of the query; its columns are {string.Join(", ", known)}.", nameof(options.PartitionByColumns));
            columns.Add(name);
        }
        var duplicate = columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The partition column '{duplicate.Key}' is given more than once.", nameof(options));
        return columns;
    }

    private static string FromMember<T>(ValueShape row, Expression<Func<T, object?>> selector)
    {
        var body = selector.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? convert.Operand : selector.Body;
        if (body is not MemberExpression { Expression: ParameterExpression } member || member.Expression != selector.Parameters[0])
            throw new ArgumentException(
                $"The partition column '{selector}' is not a member of the row: write it as x => x.Member, or give the column's name in PartitionByColumns.",
                nameof(SparkWriteOptions<T>.PartitionBy));
        var shape = row.Member(member.Member);
        if (shape?.Reference.ExprTypeCase != SparkExpression.ExprTypeOneofCase.UnresolvedAttribute)
            throw new ArgumentException(
                $"The partition member '{member.Member.Name}' of {typeof(T).Name} is not a column of the query ({(shape is null ? "it is not mapped to one" : "it is computed or nested")}); " +
                "partition by columns the query returns.", nameof(SparkWriteOptions<T>.PartitionBy));
        return SparkSqlNames.Parts(shape.Reference.UnresolvedAttribute.UnparsedIdentifier)[^1];
    }
}
