using System.Text.RegularExpressions;
using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Spark SQL's <c>SET key = value</c> and <c>SET key</c>: they read and change the session's Spark
/// configuration (the same one the Config RPC serves), not DuckDB's settings. The result is Spark's
/// two string columns <c>key</c> and <c>value</c>.
/// </summary>
internal static partial class SetStatement
{
    /// <summary>The result as an Arrow IPC stream, or null when the statement is not a Spark SET of one key.</summary>
    internal static byte[]? TryRun(LocalSession session, SQL sql)
    {
        var match = SetPattern().Match(sql.Query);
        if (!match.Success)
            return null;
        var key = match.Groups["key"].Value;
        string value;
        if (match.Groups["value"].Success)
        {
            value = match.Groups["value"].Value.Trim();
            var operation = new ConfigRequest.Types.Operation { Set = new ConfigRequest.Types.Set() };
            operation.Set.Pairs.Add(new KeyValue { Key = key, Value = value });
            session.Config.Apply(operation);
        }
        else
        {
            value = session.Config.Get(key) ?? "<undefined>";
        }
        var schema = new ArrowSchema([new ArrowField("key", ArrowType.Utf8, nullable: false), new ArrowField("value", ArrowType.Utf8, nullable: false)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<Utf8Builder>(0).Append(key);
        builder.Column<Utf8Builder>(1).Append(value);
        return ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
    }

    // SET followed by a dotted key (Spark's keys have dots; DuckDB's own settings such as "threads" do
    // not, and fall through to DuckDB), optionally "= value" up to an optional trailing semicolon.
    [GeneratedRegex(@"^\s*SET\s+(?<key>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+)\s*(=\s*(?<value>[^;]*?))?\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetPattern();
}
