using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// A Spark SQL query of a <c>SQL</c> relation, parsed and resolved. GROUP BY names resolve against the input first and
/// against the select list's aliases only when the input has no such column (Spark's <c>spark.sql.groupByAliases</c>):
/// the query is resolved as written, and a GROUP BY name the input lacks that is a select alias is then substituted by
/// that item's expression, one name at a time.
/// </summary>
internal static class SparkSqlQuery
{
    /// <summary>Spark's switch for reading UNION, EXCEPT and INTERSECT left to right at one precedence (Spark 2.3's rule).</summary>
    internal const string LegacySetOperationPrecedence = "spark.sql.legacy.setopsPrecedence.enabled";

    internal static LogicalPlan Resolve(RelationResolver resolver, SQL sql)
    {
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var legacySetOperations = string.Equals(resolver.Context.Planning.Session.Setting(LegacySetOperationPrecedence), "true", StringComparison.OrdinalIgnoreCase);
        while (true)
        {
            var parsed = SqlParser.ParseQuery(sql.Query, SqlParameters.Of(sql), aliases, out var candidates, out var unreadCtes, HavingAsWhere(resolver), legacySetOperations);
            try
            {
                foreach (var unread in unreadCtes)
                    ResolveUnread(resolver, unread);
                return resolver.Resolve(parsed);
            }
            catch (LocalEngineException error) when (error.ErrorClass.StartsWith("UNRESOLVED_COLUMN", StringComparison.Ordinal)
                && error.MessageParameters.TryGetValue("objectName", out var objectName)
                && MultipartIdentifier.Parse(objectName) is [var name]
                && candidates.Contains(name) && aliases.Add(name))
            {
                // Parse again with this name grouped by its select item.
            }
        }
    }

    private static bool HavingAsWhere(RelationResolver resolver) => string.Equals(
        resolver.Context.Planning.Session.Setting("spark.sql.legacy.parser.havingWithoutGroupByAsWhere"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A WITH definition no one reads is still analyzed, as Spark does: its errors are the query's. Resolved on its own
    /// it can't see an enclosing query's columns, so an unresolved column there is left to Spark's in-context analysis.
    /// </summary>
    private static void ResolveUnread(RelationResolver resolver, Relation definition)
    {
        try
        {
            resolver.Resolve(definition);
        }
        catch (LocalEngineException error) when (error.ErrorClass.StartsWith("UNRESOLVED_COLUMN", StringComparison.Ordinal))
        {
            // Possibly an outer reference: not an error this check can decide.
        }
    }
}
