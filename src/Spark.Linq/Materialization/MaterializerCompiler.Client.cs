using System.Linq.Expressions;
using System.Reflection;
using Spark.Connect.Arrow;
using Spark.Linq.Translation.ClientEvaluation;

namespace Spark.Linq.Materialization;

/// <summary>Readers for final Selects partly evaluated on the client.</summary>
internal sealed partial class MaterializerCompiler
{
    /// <summary>
    /// Code that reads each row's columns, by position, into the client part's input variables (with the
    /// usual conversions and null checks) and appends the client part's value for that row. Exceptions the
    /// client code throws reach the caller as they are, as in LINQ-to-Objects.
    /// </summary>
    internal static Action<RecordBatch, object?[], List<T>> CompileClient<T>(ArrowSchema schema, ColumnNamingPolicy naming, ClientProjection client)
    {
        if (schema.Fields.Count != client.Inputs.Count)
            throw new SparkMaterializationException(
                $"The result has {schema.Fields.Count} columns but the client part of the final Select reads {client.Inputs.Count}. " +
                $"Columns that arrived: {string.Join(", ", schema.Fields.Select(f => $"{f.Name} ({f.Type})"))}.");
        var batch = Expression.Parameter(typeof(RecordBatch), "batch");
        var row = Expression.Parameter(typeof(int), "row");
        var results = Expression.Parameter(typeof(List<T>), "results");
        var columnAt = typeof(ColumnReads).GetMethod(nameof(ColumnReads.Column), BindingFlags.Static | BindingFlags.NonPublic)!;
        var compiler = new MaterializerCompiler(naming, pooledArrays: true);
        var reads = new List<Expression>(client.Inputs.Count + 1);
        for (var i = 0; i < client.Inputs.Count; i++)
        {
            var field = schema.Fields[i];
            var input = client.Inputs[i];
            reads.Add(Expression.Assign(input, compiler.ReadValue(input.Type, field, Expression.Call(columnAt, batch, Expression.Constant(i)), field.Name, row)));
        }
        reads.Add(client.Body.Type == typeof(T) ? client.Body : Expression.Convert(client.Body, typeof(T)));
        var value = Expression.Block(typeof(T), client.Inputs, reads);
        var append = compiler.AppendLoop<T>(batch, row, results, value);
        return Expression.Lambda<Action<RecordBatch, object?[], List<T>>>(append, batch, client.Values, results).Compile();
    }
}
