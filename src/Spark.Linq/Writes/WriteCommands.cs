using Spark.Connect.Protocol;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;
using TableSaveMethod = Spark.Connect.Protocol.WriteOperation.Types.SaveTable.Types.TableSaveMethod;

namespace Spark.Linq.Writes;

/// <summary>
/// The Spark Connect commands the write API sends, shaped as PySpark's <c>DataFrameWriter</c> sends them:
/// <c>saveAsTable</c> and <c>insertInto</c> are a <c>WriteOperation</c> with a table and its save method,
/// <c>parquet</c>/<c>csv</c>/<c>json</c> a <c>WriteOperation</c> with a <c>source</c> and a <c>path</c>, and temporary
/// views a <c>CreateDataFrameViewCommand</c>. The mode is always stated, so no server default is relied on.
/// </summary>
internal static class WriteCommands
{
    public static Command SaveAsTable(Relation input, string table, SparkWriteMode mode, IEnumerable<string> partitionBy, IEnumerable<KeyValuePair<string, string>> options)
    {
        var write = Write(input, mode, partitionBy, options);
        write.Table = new WriteOperation.Types.SaveTable { TableName = table, SaveMethod = TableSaveMethod.SaveAsTable };
        return new Command { WriteOperation = write };
    }

    /// <summary><c>insertInto(table, overwrite)</c>: PySpark turns the flag into mode overwrite or append.</summary>
    public static Command InsertInto(Relation input, string table, bool overwrite)
    {
        var write = Write(input, overwrite ? SparkWriteMode.Overwrite : SparkWriteMode.Append, [], []);
        write.Table = new WriteOperation.Types.SaveTable { TableName = table, SaveMethod = TableSaveMethod.InsertInto };
        return new Command { WriteOperation = write };
    }

    public static Command Save(Relation input, string format, string path, SparkWriteMode mode, IEnumerable<string> partitionBy, IEnumerable<KeyValuePair<string, string>> options)
    {
        var write = Write(input, mode, partitionBy, options);
        write.Source = format;
        write.Path = path;
        return new Command { WriteOperation = write };
    }

    public static Command CreateView(Relation input, string name, bool replace) =>
        new() { CreateDataframeView = new CreateDataFrameViewCommand { Input = input, Name = name, IsGlobal = false, Replace = replace } };

    private static WriteOperation Write(Relation input, SparkWriteMode mode, IEnumerable<string> partitionBy, IEnumerable<KeyValuePair<string, string>> options)
    {
        var write = new WriteOperation { Input = input, Mode = Mode(mode) };
        write.PartitioningColumns.AddRange(partitionBy);
        foreach (var (key, value) in options) write.Options[key] = value;
        return write;
    }

    private static SaveMode Mode(SparkWriteMode mode) => mode switch
    {
        SparkWriteMode.ErrorIfExists => SaveMode.ErrorIfExists,
        SparkWriteMode.Append => SaveMode.Append,
        SparkWriteMode.Overwrite => SaveMode.Overwrite,
        SparkWriteMode.Ignore => SaveMode.Ignore,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a SparkWriteMode: use ErrorIfExists, Append, Overwrite or Ignore."),
    };
}
