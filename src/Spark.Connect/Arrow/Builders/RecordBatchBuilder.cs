namespace Spark.Connect.Arrow;

/// <summary>Builds record batches of a schema, one column builder per field.</summary>
public sealed class RecordBatchBuilder
{
    private readonly ArrowColumnBuilder[] _columns;

    /// <summary>Creates builders for every field of <paramref name="schema"/>.</summary>
    public RecordBatchBuilder(ArrowSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _columns = schema.Fields.Select(ArrowColumnBuilder.Create).ToArray();
    }

    /// <summary>The schema of the batches built.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>The column builders, in schema order.</summary>
    public IReadOnlyList<ArrowColumnBuilder> Columns => _columns;

    /// <summary>The builder of column <paramref name="index"/>, cast to its concrete type.</summary>
    /// <exception cref="InvalidCastException">The column's builder is not a <typeparamref name="TBuilder"/>.</exception>
    public TBuilder Column<TBuilder>(int index) where TBuilder : ArrowColumnBuilder =>
        _columns[index] as TBuilder ?? throw new InvalidCastException(
            $"Column '{_columns[index].Field.Name}' ({_columns[index].Field.Type}) is built by {_columns[index].GetType().Name}, not {typeof(TBuilder).Name}.");

    /// <summary>The batch of everything appended so far; the builders start over empty.</summary>
    /// <exception cref="InvalidOperationException">The columns have different lengths.</exception>
    public RecordBatch Build() => Build(lend: false);

    /// <summary>
    /// The batch of everything appended so far, viewing the builders' buffers instead of taking them: the builders
    /// start over empty on the same arrays, so the batch is valid only until the next append. For a producer that
    /// writes each batch out before building the next (the local server's results), it saves the arrays per batch.
    /// </summary>
    internal RecordBatch BuildLent() => Build(lend: true);

    private RecordBatch Build(bool lend)
    {
        var length = _columns.Length == 0 ? 0 : _columns[0].Length;
        foreach (var column in _columns)
        {
            if (column.Length != length)
                throw new InvalidOperationException(
                    $"Column '{column.Field.Name}' has {column.Length} values but column '{_columns[0].Field.Name}' has {length}.");
        }
        return new RecordBatch(Schema, length, _columns.Select(c => c.Build(lend)).ToArray());
    }
}
