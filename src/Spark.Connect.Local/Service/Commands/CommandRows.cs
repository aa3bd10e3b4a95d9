using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>The Arrow IPC streams of the results the service builds itself for SQL commands.</summary>
internal static class CommandRows
{
    /// <summary>Spark's result of a command without output: no columns, no rows.</summary>
    internal static byte[] Empty()
    {
        var schema = new ArrowSchema([]);
        return ArrowStreamWriter.WriteToArray(schema, [new RecordBatchBuilder(schema).Build()]);
    }

    /// <summary>Two non-null string columns <c>key</c> and <c>value</c> (what Spark's SET returns), one row per pair.</summary>
    internal static byte[] KeyValues(IEnumerable<(string Key, string Value)> pairs)
    {
        var schema = new ArrowSchema([new ArrowField("key", ArrowType.Utf8, nullable: false), new ArrowField("value", ArrowType.Utf8, nullable: false)]);
        var builder = new RecordBatchBuilder(schema);
        foreach (var (key, value) in pairs)
        {
            builder.Column<Utf8Builder>(0).Append(key);
            builder.Column<Utf8Builder>(1).Append(value);
        }
        return ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
    }
}
