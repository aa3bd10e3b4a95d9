using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>Date and time members. The data is zone-less (timestamp_ntz), so Spark's session time zone does not shift it.</summary>
    private static IEnumerable<DifferentialCase> Dates()
    {
        var days = 10;

        yield return Rows("date parts", s => s.Orders.Select(o => new { o.Id, o.PlacedAt.Year, o.PlacedAt.Month, o.PlacedAt.Day, o.PlacedAt.Hour, o.PlacedAt.Minute, o.PlacedAt.Second }));
        yield return Rows("day of year and week", s => s.Orders.Select(o => new { o.Id, o.PlacedAt.DayOfYear, o.PlacedAt.DayOfWeek }));
        yield return Rows("leap day", s => s.Orders.Where(o => o.PlacedAt.Month == 2 && o.PlacedAt.Day == 29));
        yield return Rows("weekends", s => s.Orders.Where(o => o.PlacedAt.DayOfWeek == DayOfWeek.Saturday || o.PlacedAt.DayOfWeek == DayOfWeek.Sunday).Select(o => o.Id));
        yield return Rows("date of timestamp", s => s.Orders.Select(o => new { o.Id, o.PlacedAt.Date }));
        yield return Rows("add days constant", s => s.Orders.Select(o => new { o.Id, Due = o.PlacedAt.AddDays(3) }));
        yield return Rows("add days captured", s => s.Orders.Select(o => new { o.Id, Due = o.PlacedAt.AddDays(days) }));
        yield return Rows("add hours from row", s => s.Orders.Select(o => new { o.Id, T = o.PlacedAt.AddHours(o.Quantity) }));
        yield return Rows("add months clamps month end", s => s.Orders.Where(o => o.PlacedAt.Day >= 28).Select(o => new { o.Id, Next = o.PlacedAt.AddMonths(1) }));
        yield return Rows("add years", s => s.Orders.Select(o => new { o.Id, Y = o.PlacedAt.AddYears(-1) }));
        yield return Rows("dateonly parts", s => s.Orders.Select(o => new { o.Id, o.ShipDate.Year, o.ShipDate.Month, o.ShipDate.Day }));
        yield return Rows("dateonly add days and months", s => s.Orders.Select(o => new { o.Id, D = o.ShipDate.AddDays(7), M = o.ShipDate.AddMonths(2), Y = o.ShipDate.AddYears(1) }));
        yield return Rows("dateonly from datetime", s => s.Orders.Where(o => DateOnly.FromDateTime(o.PlacedAt) == o.ShipDate).Select(o => o.Id));
        yield return Rows("timespan of difference", s => s.Orders.Where(o => o.DeliveredAt != null).Select(o => new { o.Id, Hours = (o.DeliveredAt!.Value - o.PlacedAt).TotalHours, Days = (o.DeliveredAt!.Value - o.PlacedAt).Days }));
        yield return Rows("time of day", s => s.Orders.Select(o => new { o.Id, o.PlacedAt.TimeOfDay }));
        yield return Rows("customer since year", s => s.Customers.Where(c => c.Since.Year == 2020).Select(c => c.Id));
    }
}
