using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v USING format OPTIONS (path '…', …)</c>: the view's relation is the
/// file read <c>spark.read.format(format).options(…).load(path)</c> sends, created as <c>createOrReplaceTempView</c>
/// creates a view (checked now), so the reader's formats, options and data-directory policy apply unchanged.
/// </summary>
internal static class TempViewUsingExecutor
{
    internal static byte[] Run(LocalSession session, TempViewUsingStatement view)
    {
        var source = new Read.Types.DataSource { Format = view.Format };
        foreach (var (key, value) in view.Options)
        {
            if (string.Equals(key, "path", StringComparison.OrdinalIgnoreCase))
                source.Paths.Add(value);
            else
                source.Options[key] = value;
        }
        if (source.Paths.Count == 0)
            throw new Planning.LocalEngineException("UNABLE_TO_INFER_SCHEMA", "42KD9",
                $"Unable to infer schema for {view.Format.ToUpperInvariant()}: the view names no files. Add OPTIONS (path '…').",
                new Dictionary<string, string> { ["format"] = view.Format.ToUpperInvariant() });
        var relation = new Relation { Read = new Read { DataSource = source } };
        var name = $"`{view.Name.Replace("`", "``", StringComparison.Ordinal)}`";
        CreateViewCommandHandler.Run(session, new CreateDataFrameViewCommand { Name = name, Input = relation, IsGlobal = view.Global, Replace = view.Replace });
        return CommandRows.Empty();
    }
}
