namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Files read in a FROM clause, as Spark SQL writes them: <c>parquet.`/path`</c> (also csv, json, orc, text), and
/// Spark 4's relation options <c>… WITH ('key' = 'value', …)</c> after a file or table. The read is the same
/// <c>Read</c> a DataFrame's <c>spark.read.format(f).options(…).load(path)</c> sends, so the engine's file access
/// policy and readers apply unchanged.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> FileFormats = new(StringComparer.OrdinalIgnoreCase) { "parquet", "csv", "json", "orc", "text" };

    /// <summary>A <c>format.`path`</c> name as a data source read; null for any other name.</summary>
    private static Relation? FileReference(List<string> parts)
    {
        if (parts.Count != 2 || !FileFormats.Contains(parts[0]))
            return null;
        var source = new Read.Types.DataSource { Format = parts[0].ToLowerInvariant() };
        source.Paths.Add(parts[1]);
        return new Relation { Read = new Read { DataSource = source } };
    }

    /// <summary><c>WITH (key = value, …)</c>: keys are strings or dotted names, values strings, numbers or booleans (as text).</summary>
    private void AddReadOptions(Relation read)
    {
        ExpectWord("WITH");
        ExpectSymbol("(");
        var options = read.Read.ReadTypeCase == Read.ReadTypeOneofCase.DataSource ? read.Read.DataSource.Options : read.Read.NamedTable.Options;
        do
        {
            var key = Current.Kind == SparkTokenKind.String ? StringLiteral() : string.Join(".", MultipartName());
            AcceptSymbol("=");
            options[key] = OptionValue();
        }
        while (AcceptSymbol(","));
        ExpectSymbol(")");
    }

    private string OptionValue()
    {
        if (Current.Kind == SparkTokenKind.String)
            return StringLiteral();
        if (Current.Kind == SparkTokenKind.Number || Current.IsWord("TRUE") || Current.IsWord("FALSE"))
            return Advance().Text.ToLowerInvariant();
        throw Error("an option value must be a string, a number or a boolean");
    }
}
