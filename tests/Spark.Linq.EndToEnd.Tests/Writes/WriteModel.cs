namespace Spark.Linq.EndToEnd.Tests.Writes;

/// <summary>A row the write tests store and read back.</summary>
public sealed record Sale(int Id, string Region, double Amount, string? Note);

/// <summary>The same rows without the note, for inserts by position and appends by name that lack a column.</summary>
public sealed record SaleWithoutNote(int Id, string Region, double Amount);

/// <summary>Rows the write tests start from.</summary>
internal static class Sales
{
    public static readonly Sale[] First =
    [
        new(1, "north", 10.5, "first"),
        new(2, "south", 20.25, null),
        new(3, "north", 7, "o'brien; DROP TABLE x"),
    ];

    public static readonly Sale[] Second =
    [
        new(4, "east", 1.5, null),
        new(5, "south", 99, "later"),
    ];
}
