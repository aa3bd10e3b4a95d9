using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.Tests.Methods;

public class DateTimeMethodTests : MethodPlanTestBase
{
    [Test]
    public void DateTime_parts_map_to_Spark_date_functions()
    {
        Assert.That(Plan(x => x.At.Year), Is.EqualTo("year(At)"));
        Assert.That(Plan(x => x.At.Month), Is.EqualTo("month(At)"));
        Assert.That(Plan(x => x.At.Day), Is.EqualTo("dayofmonth(At)"));
        Assert.That(Plan(x => x.At.Hour), Is.EqualTo("hour(At)"));
        Assert.That(Plan(x => x.At.Minute), Is.EqualTo("minute(At)"));
        Assert.That(Plan(x => x.At.Second), Is.EqualTo("second(At)"));
        Assert.That(Plan(x => x.At.Millisecond), Is.EqualTo("(CAST((date_part('SECOND', At) * 1000) AS integer) % 1000)"));
        Assert.That(Plan(x => x.At.DayOfYear), Is.EqualTo("dayofyear(At)"));
    }

    [Test]
    public void DayOfWeek_counts_from_Sunday_as_zero()
    {
        Assert.That(Plan(x => x.At.DayOfWeek), Is.EqualTo("(dayofweek(At) - 1)"));
        Assert.That(Filter(x => x.Day.DayOfWeek == DayOfWeek.Saturday), Is.EqualTo("((dayofweek(Day) - 1) == 6)"));
    }

    [Test]
    public void Date_and_TimeOfDay_keep_the_CSharp_types()
    {
        Assert.That(Plan(x => x.At.Date), Is.EqualTo("date_trunc('DAY', At)"));
        Assert.That(Plan(x => x.Stamp.Date), Is.EqualTo("date_trunc('DAY', Stamp)"));
        Assert.That(Plan(x => x.At.TimeOfDay), Is.EqualTo("(At - date_trunc('DAY', At))"));
    }

    [Test]
    public void DateOnly_DateTimeOffset_and_nullable_members()
    {
        Assert.That(Plan(x => x.Day.Year), Is.EqualTo("year(Day)"));
        Assert.That(Plan(x => x.Day.DayOfYear), Is.EqualTo("dayofyear(Day)"));
        Assert.That(Plan(x => x.Stamp.Hour), Is.EqualTo("hour(Stamp)"));
        Assert.That(Filter(x => x.DueAt!.Value.Year == 2024), Is.EqualTo("(year(DueAt) <=> 2024)"));
    }

    [Test]
    public void Adding_months_and_years_to_timestamps_uses_year_month_intervals()
    {
        var months = 5;
        Assert.That(Plan(x => x.At.AddYears(2)), Is.EqualTo("(At + make_ym_interval(2))"));
        Assert.That(Plan(x => x.At.AddMonths(months)), Is.EqualTo("(At + make_ym_interval(0, 5))"));
        Assert.That(Plan(x => x.Stamp.AddMonths(x.Count)), Is.EqualTo("(Stamp + make_ym_interval(0, Count))"));
    }

    [Test]
    public void Adding_days_and_shorter_units_to_timestamps_adds_exact_intervals()
    {
        var seconds = 90.0;
        Assert.That(Plan(x => x.At.AddDays(1)), Is.EqualTo("(At + INTERVAL 1.00:00:00)"));
        Assert.That(Plan(x => x.At.AddHours(1.5)), Is.EqualTo("(At + INTERVAL 01:30:00)"));
        Assert.That(Plan(x => x.At.AddMinutes(-10)), Is.EqualTo("(At + INTERVAL -00:10:00)"));
        Assert.That(Plan(x => x.At.AddSeconds(seconds)), Is.EqualTo("(At + INTERVAL 00:01:30)"));
        Assert.That(Plan(x => x.At.AddMilliseconds(250)), Is.EqualTo("(At + INTERVAL 00:00:00.2500000)"));
        Assert.That(Plan(x => x.At.AddDays(x.Count)), Is.EqualTo("(At + (INTERVAL 1.00:00:00 * Count))"));
        Assert.That(Plan(x => x.DueAt!.Value.AddHours(x.Score)), Is.EqualTo("(DueAt + (INTERVAL 01:00:00 * Score))"));
        Assert.That(Plan(x => x.At.Add(x.Took)), Is.EqualTo("(At + Took)"));
        Assert.That(Plan(x => x.At.Subtract(x.Took)), Is.EqualTo("(At - Took)"));
    }

    [Test]
    public void Unix_time_of_a_DateTimeOffset()
    {
        Assert.That(Plan(x => x.Stamp.ToUnixTimeSeconds()), Is.EqualTo("unix_seconds(Stamp)"));
        Assert.That(Plan(x => x.Stamp.ToUnixTimeMilliseconds()), Is.EqualTo("unix_millis(Stamp)"));
    }

    [Test]
    public void DateOnly_arithmetic_stays_in_dates()
    {
        Assert.That(Plan(x => x.Day.AddDays(3)), Is.EqualTo("date_add(Day, 3)"));
        Assert.That(Plan(x => x.Day.AddMonths(x.Count)), Is.EqualTo("add_months(Day, Count)"));
        Assert.That(Plan(x => x.Day.AddYears(2)), Is.EqualTo("add_months(Day, 24)"));
        Assert.That(Plan(x => x.Day.AddYears(x.Count)), Is.EqualTo("add_months(Day, (Count * 12))"));
        Assert.That(Plan(x => DateOnly.FromDateTime(x.At)), Is.EqualTo("CAST(At AS date)"));
    }

    [Test]
    public void Now_UtcNow_and_Today_are_read_on_the_client_and_sent_as_literals()
    {
        var before = DateTime.UtcNow;
        var relation = Events.Where(x => x.At < DateTime.UtcNow && x.At > DateTime.Now.AddDays(-1) && x.At >= DateTime.Today).ToRelation();
        var after = DateTime.UtcNow;
        var literals = Literals(relation.Filter.Condition).ToList();
        Assert.That(literals, Has.Count.EqualTo(3));
        Assert.That(literals.Select(l => l.LiteralTypeCase), Is.All.EqualTo(Expression.Types.Literal.LiteralTypeOneofCase.Timestamp));
        var utcNow = DateTime.UnixEpoch.AddTicks(literals[0].Timestamp * 10);
        Assert.That(utcNow, Is.InRange(before.AddTicks(-10), after));
        var today = DateTime.UnixEpoch.AddTicks(literals[2].Timestamp * 10);
        Assert.That(today, Is.EqualTo(DateTime.Today.ToUniversalTime()).Or.EqualTo(after.ToLocalTime().Date.ToUniversalTime()));
    }

    [Test]
    public void TimeSpan_parts_come_from_date_part()
    {
        Assert.That(Plan(x => x.Took.Days), Is.EqualTo("CAST(date_part('DAY', Took) AS integer)"));
        Assert.That(Plan(x => x.Took.Hours), Is.EqualTo("CAST(date_part('HOUR', Took) AS integer)"));
        Assert.That(Plan(x => x.Took.Minutes), Is.EqualTo("CAST(date_part('MINUTE', Took) AS integer)"));
        Assert.That(Plan(x => x.Took.Seconds), Is.EqualTo("CAST(date_part('SECOND', Took) AS integer)"));
        Assert.That(Plan(x => x.Took.Milliseconds), Is.EqualTo("(CAST((date_part('SECOND', Took) * 1000) AS integer) % 1000)"));
    }

    [Test]
    public void TimeSpan_totals_come_from_the_interval_length_in_microseconds()
    {
        const string micros = "unix_micros((TIMESTAMP 1970-01-01 00:00:00.000000Z + Took))";
        Assert.That(Plan(x => x.Took.TotalDays), Is.EqualTo($"({micros} / 86400000000D)"));
        Assert.That(Plan(x => x.Took.TotalHours), Is.EqualTo($"({micros} / 3600000000D)"));
        Assert.That(Plan(x => x.Took.TotalMinutes), Is.EqualTo($"({micros} / 60000000D)"));
        Assert.That(Plan(x => x.Took.TotalSeconds), Is.EqualTo($"({micros} / 1000000D)"));
        Assert.That(Plan(x => x.Took.TotalMilliseconds), Is.EqualTo($"({micros} / 1000D)"));
        Assert.That(Plan(x => x.Took.Ticks), Is.EqualTo($"({micros} * 10L)"));
        Assert.That(Plan(x => (x.DueAt!.Value - x.At).TotalMinutes),
            Is.EqualTo("(unix_micros((TIMESTAMP 1970-01-01 00:00:00.000000Z + (DueAt - At))) / 60000000D)"));
    }

    private static IEnumerable<Expression.Types.Literal> Literals(Expression e)
    {
        if (e.ExprTypeCase == Expression.ExprTypeOneofCase.Literal) return [e.Literal];
        if (e.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedFunction) return e.UnresolvedFunction.Arguments.SelectMany(Literals);
        return [];
    }
}
