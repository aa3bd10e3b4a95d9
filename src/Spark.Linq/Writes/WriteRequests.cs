using Spark.Connect.Protocol;

namespace Spark.Linq.Writes;

/// <summary>
/// Checks a write's arguments and builds its command, without any I/O: what <see cref="SparkQueryableWriteExtensions"/>
/// sends, kept apart so plan tests can inspect the commands offline.
/// </summary>
internal static class WriteRequests
{
    public static (WriteInput Input, Command Command) ToTable<T>(ISparkQueryable<T> source, string tableName, SparkWriteOptions<T> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        var (input, partitions, pairs) = Prepare(source, options, "WriteToTableAsync");
        return (input, WriteCommands.SaveAsTable(input.Relation, tableName, options.Mode, partitions, pairs));
    }

    public static (WriteInput Input, Command Command) InsertInto<T>(ISparkQueryable<T> source, string tableName, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        var input = WriteInput.Of(source, "InsertIntoAsync");
        return (input, WriteCommands.InsertInto(input.Relation, tableName, overwrite));
    }

    public static (WriteInput Input, Command Command) ToFiles<T>(ISparkQueryable<T> source, string format, string path, SparkWriteOptions<T> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (input, partitions, pairs) = Prepare(source, options, $"Write{char.ToUpperInvariant(format[0])}{format[1..]}Async");
        return (input, WriteCommands.Save(input.Relation, format, path, options.Mode, partitions, pairs));
    }

    public static (WriteInput Input, Command Command) TempView<T>(ISparkQueryable<T> source, string viewName, bool replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewName);
        var input = WriteInput.Of(source, replace ? "CreateOrReplaceTempViewAsync" : "CreateTempViewAsync");
        return (input, WriteCommands.CreateView(input.Relation, viewName, replace));
    }

    private static (WriteInput Input, List<string> Partitions, List<KeyValuePair<string, string>> Options) Prepare<T>(
        ISparkQueryable<T> source, SparkWriteOptions<T> options, string operation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Mode))
            throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Mode is not a SparkWriteMode: use ErrorIfExists, Append, Overwrite or Ignore.");
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in options.Options)
        {
            if (string.IsNullOrWhiteSpace(key))
                throw new ArgumentException("A write option has an empty name.", nameof(options));
            if (value is null)
                throw new ArgumentException($"The write option '{key}' has no value; leave it out to use Spark's default.", nameof(options));
            pairs.Add(new(key, value));
        }
        var input = WriteInput.Of(source, operation);
        return (input, PartitionColumns.Resolve(input, options), pairs);
    }
}
