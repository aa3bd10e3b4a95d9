using System.Collections.Concurrent;
using System.Text;
using Spark.Connect.Arrow;

namespace Spark.Linq.Materialization;

/// <summary>
/// Reads Arrow record batches of one schema into <typeparamref name="T"/> objects with code compiled
/// once per (T, schema shape, naming policy) and cached: get one with <see cref="For"/> when a
/// result's schema arrives, then call <see cref="AppendTo"/> per batch (or <see cref="BindRows"/>
/// to stream rows one at a time).
/// </summary>
/// <remarks>
/// Binding: classes, records and structs by <c>EntityMapping</c> column names (<c>[Column]</c>, else
/// the naming policy; <c>[NotMapped]</c> and get-only members no constructor sets are skipped), using
/// the public constructor with the most parameters that all match members by name
/// (case-insensitively), then assigning every other settable or init-only member; anonymous types by
/// constructor parameter (member) name; tuples by position; scalars, arrays, lists and dictionaries
/// from the first column; a lone struct column when none of the type's columns is at the top level.
/// Column names match exactly first, else case-insensitively when unique. A column the type needs
/// but the result lacks is an error listing the columns that arrived. Conversions: see <c>LeafReads</c>.
/// </remarks>
/// <typeparam name="T">The result type: a class, record, struct, anonymous type, tuple, or a scalar/collection read from the first column.</typeparam>
internal sealed class ArrowMaterializer<T>
{
    // One dictionary per T (a static of the generic class), keyed by policy and schema shape.
    private static readonly ConcurrentDictionary<(ColumnNamingPolicy Naming, string Shape), ArrowMaterializer<T>> Cache = new();

    private readonly Action<RecordBatch, List<T>> _append;
    private readonly Func<RecordBatch, Func<int, T>> _bindRows;
    private readonly string _shape;

    private ArrowMaterializer(ArrowSchema schema, ColumnNamingPolicy naming, string shape)
    {
        Schema = schema;
        Naming = naming;
        _shape = shape;
        (_append, _bindRows) = MaterializerCompiler.Compile<T>(schema, naming);
    }

    /// <summary>The schema the code was compiled for (the first one seen with this shape).</summary>
    public ArrowSchema Schema { get; }

    /// <summary>The naming policy columns were looked up with.</summary>
    public ColumnNamingPolicy Naming { get; }

    /// <summary>The materializer for <paramref name="schema"/>, compiled on first use of its shape.</summary>
    /// <exception cref="SparkMaterializationException">The schema's columns can't be bound to <typeparamref name="T"/> (missing column, type mismatch).</exception>
    public static ArrowMaterializer<T> For(ArrowSchema schema, ColumnNamingPolicy? naming = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        naming ??= ColumnNamingPolicy.AsIs;
        var shape = ShapeKey(schema);
        return Cache.TryGetValue((naming, shape), out var cached)
            ? cached
            : Cache.GetOrAdd((naming, shape), key => new ArrowMaterializer<T>(schema, key.Naming, key.Shape));
    }

    /// <summary>Appends one object per row of <paramref name="batch"/> to <paramref name="results"/>.</summary>
    /// <exception cref="SparkMaterializationException">A value can't be converted (null for a non-nullable member, out-of-range value, …).</exception>
    public void AppendTo(RecordBatch batch, List<T> results)
    {
        CheckSchema(batch);
        ArgumentNullException.ThrowIfNull(results);
        _append(batch, results);
    }

    /// <summary>Every row of every batch, in order.</summary>
    public List<T> ReadAll(IEnumerable<RecordBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var results = new List<T>();
        foreach (var batch in batches)
            AppendTo(batch, results);
        return results;
    }

    /// <summary>
    /// A reader of single rows of <paramref name="batch"/> (columns are cast once, here): call it
    /// with a row index in <c>0..batch.Length-1</c> to get that row's object.
    /// </summary>
    public Func<int, T> BindRows(RecordBatch batch)
    {
        CheckSchema(batch);
        var read = _bindRows(batch);
        var length = batch.Length;
        return row => (uint)row < (uint)length
            ? read(row)
            : throw new ArgumentOutOfRangeException(nameof(row), row, $"The batch has {length} rows.");
    }

    /// <summary>The rows of <paramref name="batch"/> one at a time, without building a list.</summary>
    public IEnumerable<T> ReadRows(RecordBatch batch)
    {
        var read = BindRows(batch);
        for (var row = 0; row < batch.Length; row++)
            yield return read(row);
    }

    private void CheckSchema(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!ReferenceEquals(batch.Schema, Schema) && ShapeKey(batch.Schema) != _shape)
            throw new SparkMaterializationException(
                $"The batch's columns ({batch.Schema}) differ from the schema this materializer was compiled for ({Schema}); get a materializer for the batch's schema.");
    }

    /// <summary>Names, types and nesting of every field; nullability is left out because the generated code checks nulls either way.</summary>
    internal static string ShapeKey(ArrowSchema schema)
    {
        var key = new StringBuilder();
        foreach (var field in schema.Fields)
            AppendField(key, field);
        return key.ToString();
    }

    private static void AppendField(StringBuilder key, ArrowField field)
    {
        // Length-prefixed names keep names containing separators from colliding.
        key.Append(field.Name.Length).Append(':').Append(field.Name).Append('|').Append(field.Type).Append('(');
        foreach (var child in field.Children)
            AppendField(key, child);
        key.Append(')');
    }
}
