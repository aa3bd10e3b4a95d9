using Spark.Connect.Arrow;
using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Data;

/// <summary>Reads result cells including nested ones: list → List, struct → field values in order, map → Dictionary.</summary>
internal static class NestedValues
{
    public static object? Read(ArrowColumn column, int row) => column.IsNull(row) ? null : column switch
    {
        MapColumn map => Enumerable.Range(map.GetStart(row), map.GetLength(row))
            .ToDictionary(i => Read(map.Keys, i)!, i => Read(map.Items, i)),
        ListColumn list => Enumerable.Range(list.GetStart(row), list.GetLength(row)).Select(i => Read(list.Values, i)).ToList(),
        StructColumn record => record.Children.Select(c => Read(c, row)).ToList(),
        _ => LocalServerTestBase.Value(column, row),
    };

    public static List<object?[]> Rows(IEnumerable<RecordBatch> batches)
    {
        var rows = new List<object?[]>();
        foreach (var batch in batches)
            for (var row = 0; row < batch.Length; row++)
                rows.Add(batch.Columns.Select(c => Read(c, row)).ToArray());
        return rows;
    }
}
