using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Plans;
using Spark.Linq.Query;

namespace Spark.Linq;

/// <summary>
/// Offline plan inspection: what a query will send to Spark, without contacting a server. Use these
/// in unit tests to assert on the plans your queries generate.
/// </summary>
public static class SparkQueryableExtensions
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    /// <summary>The Spark Connect relation the query translates to.</summary>
    /// <exception cref="SparkTranslationException">A part of the query can't be translated.</exception>
    public static Relation ToRelation<T>(this IQueryable<T> query) => Provider(query).Translate(query.Expression).Relation;

    /// <summary>The plan (a <see cref="Plan"/> with the relation as root) the query sends to Spark.</summary>
    public static Plan ToPlan<T>(this IQueryable<T> query) => new() { Root = query.ToRelation() };

    /// <summary>The plan as canonical proto3 JSON (lowerCamelCase fields, int64 as strings), indented.</summary>
    public static string ToPlanJson<T>(this IQueryable<T> query) => Json.Format(query.ToPlan());

    /// <summary>The plan as an indented tree for people: one relation per line, expressions in SQL-like text.</summary>
    public static string ToPlanString<T>(this IQueryable<T> query) => PlanPrinter.Print(query.ToRelation());

    private static SparkQueryProvider Provider<T>(IQueryable<T> query) =>
        query.Provider as SparkQueryProvider
        ?? throw new ArgumentException("This query is not a Spark.Linq query; start it from SparkSession.Table<T>() or Sql<T>().", nameof(query));
}
