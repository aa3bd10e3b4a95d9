namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// One column of a resolved relation's output, as Spark's analyzer sees it: a name, a Spark type, whether it
/// can be null, the qualifier that <c>t.col</c> matches (a table name or subquery alias) and an id that is
/// unique within one planning run. The id, not the name, is what expressions point at, so two columns
/// called <c>id</c> on the two sides of a join never get confused, and SQL refers to the column as
/// <c>"cN"</c>, never by its user-visible name.
/// </summary>
internal sealed record PlanColumn(int Id, string Name, DataType Type, bool Nullable, IReadOnlyList<string> Qualifier)
{
    /// <summary>The column's name inside the generated SQL.</summary>
    internal string SqlName => SqlIdentifiers.Quote("c" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>This column under another qualifier (a SubqueryAlias), keeping its id.</summary>
    internal PlanColumn WithQualifier(IReadOnlyList<string> qualifier) => this with { Qualifier = qualifier };

    /// <summary><c>`t`.`name`</c>, as Spark quotes a column in error messages.</summary>
    internal string Display => ColumnLookup.Quote(Qualifier.Append(Name));
}
