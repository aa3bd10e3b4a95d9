using System.Collections.Concurrent;
using System.Linq.Expressions;
using Spark.Connect.Arrow;

namespace Spark.Linq.Translation.ClientEvaluation;

/// <summary>
/// The part of a query's final Select that runs on the client: C# over the columns Spark computed
/// (<see cref="Inputs"/>, one per fetched column, in column order) and over the values the query
/// captured (read from <see cref="Values"/>, an <c>object?[]</c> bound per execution, never baked in).
/// Reader code is compiled once per result schema and shared by every execution of the query shape.
/// </summary>
internal sealed class ClientProjection(Expression body, ParameterExpression values, IReadOnlyList<ParameterExpression> inputs, int valueCount)
{
    private readonly ConcurrentDictionary<(ColumnNamingPolicy Naming, string Shape, Type Result), Delegate> _readers = new();

    /// <summary>The row's value, computed from <see cref="Inputs"/> and <see cref="Values"/>.</summary>
    public Expression Body { get; } = body;

    /// <summary>The captured values of one execution, as an <c>object?[]</c>.</summary>
    public ParameterExpression Values { get; } = values;

    /// <summary>One variable per fetched column; column i of the result is read into <c>Inputs[i]</c>.</summary>
    public IReadOnlyList<ParameterExpression> Inputs { get; } = inputs;

    /// <summary>How many captured values the body reads.</summary>
    public int ValueCount { get; } = valueCount;

    /// <summary>The compiled reader of batches of <paramref name="schema"/> into <typeparamref name="T"/> objects.</summary>
    public Action<RecordBatch, object?[], List<T>> Reader<T>(ArrowSchema schema, ColumnNamingPolicy naming)
    {
        var key = (naming, Materialization.ArrowMaterializer<T>.ShapeKey(schema), typeof(T));
        return (Action<RecordBatch, object?[], List<T>>)_readers.GetOrAdd(key, _ => Materialization.MaterializerCompiler.CompileClient<T>(schema, naming, this));
    }
}

/// <summary>A <see cref="ClientProjection"/> with the captured values of one execution.</summary>
internal sealed record ClientRows(ClientProjection Projection, object?[] Values)
{
    /// <summary>Appends one object per row of <paramref name="batch"/>, each computed on the client from the row's columns.</summary>
    public void AppendTo<T>(RecordBatch batch, ColumnNamingPolicy naming, List<T> results) =>
        Projection.Reader<T>(batch.Schema, naming)(batch, Values, results);
}
