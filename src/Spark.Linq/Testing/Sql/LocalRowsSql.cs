using Spark.Connect.Arrow;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// Rows sent with the query (<c>CreateDataFrame</c>, a <see cref="LocalRelation"/>'s Arrow data) as an inline table,
/// <c>(VALUES (…), (…)) AS t(a, b)</c>: every value spelt with its column's exact type (see <see cref="ArrowValueSql"/>),
/// so the table's column types are the ones the query had. No rows at all become a typed row of nulls under <c>LIMIT 0</c>.
/// </summary>
internal static class LocalRowsSql
{
    /// <summary>The FROM item for <paramref name="relation"/>, named <paramref name="alias"/>.</summary>
    public static string From(LocalRelation relation, string alias)
    {
        if (!relation.HasData || relation.Data.IsEmpty)
            throw new NotSupportedException("The plan has a LocalRelation with a schema and no rows (Arrow data), which ToSparkSql can't write as Spark SQL.");
        ArrowSchema schema;
        IReadOnlyList<RecordBatch> batches;
        try
        {
            var reader = new ArrowStreamReader(relation.Data.Memory);
            batches = reader.ReadAllBatches();
            schema = reader.Schema;
        }
        catch (ArrowFormatException error)
        {
            throw new NotSupportedException($"The rows sent with the query are not a readable Arrow stream ({error.Message}).", error);
        }
        if (schema.Fields.Count == 0) throw new NotSupportedException("The rows sent with the query have no columns, which Spark SQL can't write.");

        var names = string.Join(", ", schema.Fields.Select(f => SparkSqlNames.Quote(f.Name)));
        var rows = batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(row => "(" + string.Join(", ", b.Columns.Select(c => ArrowValueSql.Render(c, row))) + ")")).ToList();
        if (rows.Count == 0)
        {
            var nulls = string.Join(", ", schema.Fields.Select(f => $"CAST(NULL AS {SparkSqlLiterals.SqlType(ArrowValueSql.SparkType(f))}) AS {SparkSqlNames.Quote(f.Name)}"));
            return SqlBlock.Subquery($"SELECT {nulls}\nLIMIT 0", alias);
        }
        return "(\n  VALUES\n    " + string.Join(",\n    ", rows) + "\n) AS " + SparkSqlNames.Quote(alias) + "(" + names + ")";
    }
}
