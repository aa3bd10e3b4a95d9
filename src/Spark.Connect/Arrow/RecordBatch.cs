namespace Spark.Connect.Arrow;

/// <summary>A set of equal-length columns matching a schema: one Arrow record batch.</summary>
public sealed class RecordBatch
{
    /// <summary>Creates a batch; every column must have <paramref name="length"/> rows and match its schema field.</summary>
    public RecordBatch(ArrowSchema schema, int length, IReadOnlyList<ArrowColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != schema.Fields.Count)
            throw new ArgumentException($"The schema has {schema.Fields.Count} fields but {columns.Count} columns were given.", nameof(columns));
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != length)
                throw new ArgumentException($"Column '{columns[i].Field.Name}' has {columns[i].Length} rows, not {length}.", nameof(columns));
            if (!ArrowSchema.SameShape([columns[i].Field], [schema.Fields[i]]))
                throw new ArgumentException($"Column {i} is {columns[i].Field} but the schema says {schema.Fields[i]}.", nameof(columns));
        }
        Schema = schema;
        Length = length;
        Columns = columns.ToArray();
    }

    /// <summary>The batch's schema.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<ArrowColumn> Columns { get; }

    /// <summary>The column at <paramref name="index"/>.</summary>
    public ArrowColumn Column(int index) => Columns[index];

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public ArrowColumn Column(string name)
    {
        var index = Schema.IndexOf(name);
        return index >= 0 ? Columns[index] : throw new KeyNotFoundException($"The batch has no column '{name}' (columns: {Schema}).");
    }
}
