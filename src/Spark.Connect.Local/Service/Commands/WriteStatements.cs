using Google.Protobuf;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>Helpers the writers share: running a statement around a planned query, and finding what the input reads.</summary>
internal static class WriteStatements
{
    /// <summary>
    /// Runs <paramref name="sql"/>, which embeds <paramref name="query"/>'s SQL (COPY, CREATE TABLE AS, INSERT),
    /// with the query's parameters bound: the values never become SQL text.
    /// </summary>
    internal static void Run(DuckDbConnection connection, string sql, PlannedQuery query)
    {
        using var statement = LocalPlanner.Prepare(connection, query with { Sql = sql });
        using var result = statement.Execute();
        while (result.FetchChunk() is { } chunk)
            chunk.Dispose();
    }

    /// <summary>Runs a statement without values (transaction control, DELETE of a whole table).</summary>
    internal static void Run(DuckDbConnection connection, string sql) => connection.ExecuteNonQuery(sql);

    /// <summary>Runs <paramref name="work"/> in one transaction, so a failed overwrite leaves the table as it was.</summary>
    internal static void InTransaction(DuckDbConnection connection, Action work)
    {
        Run(connection, "BEGIN TRANSACTION");
        try
        {
            work();
            Run(connection, "COMMIT");
        }
        catch
        {
            Run(connection, "ROLLBACK");
            throw;
        }
    }

    /// <summary>Every <c>Read</c> in the input plan (at any depth), so an overwrite can refuse to replace what it reads.</summary>
    internal static IEnumerable<Read> Reads(IMessage message)
    {
        if (message is Read read)
            yield return read;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                continue;
            var value = field.Accessor.GetValue(message);
            var children = field.IsRepeated ? ((System.Collections.IEnumerable)value).OfType<IMessage>() : value is IMessage one ? [one] : [];
            foreach (var child in children)
                foreach (var inner in Reads(child))
                    yield return inner;
        }
    }

    /// <summary>True when the input reads the shared table <paramref name="table"/> by name (placed as the write's own name is).</summary>
    internal static bool ReadsTable(IPlanningSession session, Relation input, Statements.StatementTable table) => Reads(input).Any(r =>
    {
        if (r.ReadTypeCase != Read.ReadTypeOneofCase.NamedTable)
            return false;
        try
        {
            var read = Statements.StatementTable.Resolve(session, Planning.Expressions.MultipartIdentifier.Parse(r.NamedTable.UnparsedIdentifier));
            return string.Equals(read.Schema, table.Schema, StringComparison.OrdinalIgnoreCase) && string.Equals(read.Name, table.Name, StringComparison.OrdinalIgnoreCase);
        }
        catch (LocalEngineException)
        {
            return false; // a name in no database of the catalog is not the target
        }
    });

    /// <summary>Spark's refusal to overwrite a table the DataFrame reads (the read would see the emptied table).</summary>
    internal static LocalEngineException OverwriteOfInput(Statements.StatementTable table) => new("UNSUPPORTED_OVERWRITE.TABLE", "42902",
        $"Can't overwrite the target that is also being read from: {table.Display}. Write to another table, then replace.",
        new Dictionary<string, string> { ["table"] = table.Display });

    /// <summary>The planned input of a write; a write without input is a malformed plan.</summary>
    internal static PlannedQuery PlanInput(IPlanningSession session, Relation? input) =>
        input is null || input.RelTypeCase == Relation.RelTypeOneofCase.None
            ? throw new LocalEngineException("INVALID_PLAN", "XX000", "A write command is missing its input relation.")
            : new LocalPlanner(session).Plan(input);
}
