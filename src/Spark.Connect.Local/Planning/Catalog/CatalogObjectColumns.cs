using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// The columns of a persistent view or external table (a <see cref="CatalogObject"/>) for <c>listColumns</c>: DuckDB holds
/// no relation for them, so they are the columns a read of the entry plans to, with the Spark types and nullability a
/// query over it sees (what DESCRIBE answers too).
/// </summary>
internal static class CatalogObjectColumns
{
    internal static IEnumerable<(string Name, string Type, bool Nullable)> Of(PlanningContext context, CatalogObject entry)
    {
        var identifier = $"{Quote(LocalCatalog.DatabaseName)}.{Quote(entry.Name)}";
        var read = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = identifier } } };
        var fields = new LocalPlanner(context.Session).Plan(read).Schema?.Struct?.Fields ?? [];
        return fields.Select(f => (f.Name, SparkTypes.Name(f.DataType), f.Nullable)).ToList();
    }

    // A back-quoted Spark identifier part, for the unparsed name of the read (never SQL text).
    private static string Quote(string part) => "`" + part.Replace("`", "``", StringComparison.Ordinal) + "`";
}
