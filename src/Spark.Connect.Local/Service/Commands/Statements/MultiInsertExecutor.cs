using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// Spark's multi-insert <c>FROM source INSERT … SELECT … INSERT … SELECT …</c>: every target is checked before any row is
/// written (as Spark analyses the whole statement first), then each insert runs in order as a plain INSERT.
/// </summary>
internal static class MultiInsertExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, MultiInsertStatement statement)
    {
        // Each body's query is put together from the statement's pieces in a new order, so positional `?` markers would
        // bind other values than the text placed them at; named parameters keep their names.
        if (sql.PosArgs.Count > 0 || sql.PosArguments.Count > 0)
            throw LocalEngineException.Unsupported("positional parameters in a multi-insert (FROM … INSERT … INSERT …)",
                "Use named parameters (:name) or one INSERT … SELECT … FROM … per table.");
        foreach (var insert in statement.Inserts)
            InsertExecutor.Target(session, insert);
        var result = CommandRows.Empty();
        foreach (var insert in statement.Inserts)
            result = InsertExecutor.Run(session, sql, insert);
        return result;
    }
}
