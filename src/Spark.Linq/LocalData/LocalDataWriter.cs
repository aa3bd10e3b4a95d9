using Spark.Connect.Arrow;
using Spark.Linq.Mapping;
using Spark.Linq.Translation;

namespace Spark.Linq.LocalData;

/// <summary>
/// Writes rows of <c>T</c> as the Arrow IPC stream of a Spark <c>LocalRelation</c>: one column per
/// mapped member (the names the translator and materializer use), or a single <c>value</c> column for
/// scalar rows. The rows are read once, here, so later changes to the source don't alter the query.
/// </summary>
internal static class LocalDataWriter
{
    /// <exception cref="NotSupportedException">A member's type has no Spark column type (the message names it).</exception>
    /// <exception cref="ArgumentException">A value can't be stored exactly (the message names the member).</exception>
    public static (byte[] Data, ArrowSchema Schema, int RowCount) Write<T>(IEnumerable<T> rows, ColumnNamingPolicy naming)
    {
        var snapshot = rows.ToList();
        var columns = Columns(typeof(T), naming);
        var missing = snapshot.FindIndex(row => row is null);
        if (missing >= 0 && !TypeClassifier.IsScalar(typeof(T)))
            throw new ArgumentException($"CreateDataFrame: row {missing} is null; every row must be an object (a null row has no columns).", nameof(rows));
        foreach (var row in snapshot)
        {
            foreach (var (_, get, column) in columns) column.Observe(get(row!));
        }

        var schema = new ArrowSchema(columns.Select(c => c.Column.Field(c.Name)).ToArray());
        var builder = new RecordBatchBuilder(schema);
        foreach (var row in snapshot)
        {
            for (var i = 0; i < columns.Length; i++) columns[i].Column.Append(builder.Columns[i], columns[i].Get(row!));
        }
        return (ArrowStreamWriter.WriteToArray(schema, [builder.Build()]), schema, snapshot.Count);
    }

    private static LocalStructColumn.Member[] Columns(Type type, ColumnNamingPolicy naming)
    {
        var name = Materialization.TypeNames.Of(type);
        if (TypeClassifier.IsScalar(type))
            return [new LocalStructColumn.Member(Translation.Operators.Projection.ValueColumn, static row => row, LocalColumn.Create(type, name, naming, []))];
        var root = LocalColumn.Create(type, name, naming, []);
        if (root is not LocalStructColumn structure)
            throw new NotSupportedException(
                $"CreateDataFrame: rows of type {Materialization.TypeNames.Of(type)} are not supported; pass a class, record or struct per row, or scalars.");
        return [.. structure.Members];
    }
}
