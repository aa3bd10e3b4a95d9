using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// The rows a statement answers with (SHOW, DESCRIBE, EXPLAIN), as one Arrow IPC stream with Spark's column names,
/// types and nullability for that command. Columns are strings or booleans, the only types these commands return.
/// </summary>
internal sealed class StatementResult
{
    private readonly ArrowSchema _schema;
    private readonly RecordBatchBuilder _builder;

    private StatementResult(IReadOnlyList<ArrowField> fields)
    {
        _schema = new ArrowSchema(fields.ToList());
        _builder = new RecordBatchBuilder(_schema);
    }

    /// <summary>A result with the given columns: a name, and whether it is boolean (else string) and may hold nulls.</summary>
    internal static StatementResult Of(params (string Name, bool Boolean, bool Nullable)[] columns) =>
        new(columns.Select(c => new ArrowField(c.Name, c.Boolean ? ArrowType.Boolean : ArrowType.Utf8, c.Nullable)).ToList());

    /// <summary>Adds one row; values are strings, booleans or null, in column order.</summary>
    internal StatementResult Add(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null:
                    _builder.Column<ArrowColumnBuilder>(i).AppendNull();
                    break;
                case bool flag:
                    _builder.Column<BooleanBuilder>(i).Append(flag);
                    break;
                default:
                    _builder.Column<Utf8Builder>(i).Append((string)values[i]!);
                    break;
            }
        }
        return this;
    }

    /// <summary>The rows as an IPC stream.</summary>
    internal byte[] ToIpc() => ArrowStreamWriter.WriteToArray(_schema, [_builder.Build()]);
}
