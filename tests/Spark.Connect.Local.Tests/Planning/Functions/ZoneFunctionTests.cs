using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

public class ZoneFunctionTests : FunctionTestBase
{
    private static SqlArgument Instant(string utc) => Sql($"TIMESTAMPTZ '{utc}+00'");

    [Test]
    public void From_and_to_utc_timestamp_shift_by_the_zone()
    {
        Assert.That(Eval("from_utc_timestamp", Instant("2016-08-31 00:00:00"), Str("Asia/Seoul")),
            Is.EqualTo(new Result("2016-08-31 09:00:00+00", "TIMESTAMP WITH TIME ZONE")));
        Assert.That(Eval("to_utc_timestamp", Instant("2016-08-31 00:00:00"), Str("Asia/Seoul")).Value, Is.EqualTo("2016-08-30 15:00:00+00"));
        Assert.That(Eval("from_utc_timestamp", Instant("2016-08-31 00:00:00"), Str("+08:00")).Value, Is.EqualTo("2016-08-31 08:00:00+00"));
        Assert.That(Eval("from_utc_timestamp", Instant("2016-08-31 00:00:00"), Str("GMT-5")).Value, Is.EqualTo("2016-08-30 19:00:00+00"));
        Assert.That(Eval("from_utc_timestamp", Instant("2016-01-31 00:00:00"), Str("PST")).Value, Is.EqualTo("2016-01-30 16:00:00+00"), "Java's short id");
        Assert.That(Eval("from_utc_timestamp", Instant("2016-08-31 00:00:00"), Null("VARCHAR")).Value, Is.Null);
    }

    [Test]
    public void To_utc_timestamp_resolves_dst_gaps_and_overlaps_as_java_time()
    {
        // New York skips 02:00-03:00 on 2023-03-12: 02:30 moves on by the gap, to 03:30 EDT.
        Assert.That(Eval("to_utc_timestamp", Instant("2023-03-12 02:30:00"), Str("America/New_York")).Value, Is.EqualTo("2023-03-12 07:30:00+00"));
        // 01:30 happens twice on 2023-11-05: java takes the earlier, EDT.
        Assert.That(Eval("to_utc_timestamp", Instant("2023-11-05 01:30:00"), Str("America/New_York")).Value, Is.EqualTo("2023-11-05 05:30:00+00"));
        Assert.That(Eval("to_utc_timestamp", Instant("2023-11-05 02:30:00"), Str("America/New_York")).Value, Is.EqualTo("2023-11-05 07:30:00+00"));
        Assert.That(Eval("from_utc_timestamp", Instant("2023-11-05 05:30:00"), Str("America/New_York")).Value, Is.EqualTo("2023-11-05 01:30:00+00"));
        Assert.That(Eval("from_utc_timestamp", Instant("2023-11-05 06:30:00"), Str("America/New_York")).Value, Is.EqualTo("2023-11-05 01:30:00+00"));
    }

    [TestCase("Mars/Base")]
    [TestCase("+19:00")]
    [TestCase("foo bar")]
    public void Unknown_zones_are_sparks_invalid_timezone(string zone) =>
        Assert.That(RenderFails("from_utc_timestamp", Instant("2016-08-31 00:00:00"), Str(zone)).ErrorClass, Is.EqualTo("INVALID_TIMEZONE"));

    [Test]
    public void Convert_timezone_moves_a_wall_time_between_zones()
    {
        Assert.That(Eval("convert_timezone", Str("Europe/Brussels"), Str("America/Los_Angeles"), Sql("TIMESTAMP '2021-12-06 00:00:00'")),
            Is.EqualTo(new Result("2021-12-05 15:00:00", "TIMESTAMP")));
        Assert.That(Eval("convert_timezone", Str("America/Los_Angeles"), Sql("TIMESTAMP '2021-12-06 00:00:00'")).Value, Is.EqualTo("2021-12-05 16:00:00"),
            "the session zone (UTC here) is the source");
        Assert.That(Eval("convert_timezone", Str("America/New_York"), Str("UTC"), Sql("TIMESTAMP '2023-11-05 01:30:00'")).Value, Is.EqualTo("2023-11-05 05:30:00"));
    }

    [Test]
    public void Months_between_follows_sparks_rules()
    {
        Assert.That(Eval("months_between", Sql("TIMESTAMPTZ '1997-02-28 10:30:00+00'"), Sql("TIMESTAMPTZ '1996-10-30 00:00:00+00'")),
            Is.EqualTo(new Result("3.94959677", "DOUBLE")));
        Assert.That(Eval("months_between", Sql("TIMESTAMPTZ '1997-02-28 10:30:00+00'"), Sql("TIMESTAMPTZ '1996-10-30 00:00:00+00'"), Bool(false)).Value,
            Is.EqualTo("3.9495967741935485"));
        Assert.That(Eval("months_between", Sql("DATE '2017-02-28'"), Sql("DATE '2017-01-31'")).Value, Is.EqualTo("1.0"), "both the last day of their month");
        Assert.That(Eval("months_between", Sql("DATE '2017-01-15'"), Sql("TIMESTAMPTZ '2017-03-15 12:00:00+00'")).Value, Is.EqualTo("-2.0"), "same day: time ignored");
        Assert.That(Eval("months_between", Sql("DATE '2017-01-15'"), Sql("DATE '2017-01-16'")).Value, Is.EqualTo("-0.03225806"));
        Assert.That(Eval("months_between", Sql("DATE '2017-01-15'"), Sql("DATE '2017-01-16'"), Null("BOOLEAN")).Value, Is.Null);
    }

    [Test]
    public void Months_between_counts_real_seconds_since_local_midnight_on_a_dst_day()
    {
        Connection.ExecuteNonQuery("SET TimeZone = 'America/New_York'");
        // Noon on 2023-03-12 is 11 hours after midnight there: 1 + (2 days + 11 h) / 31 days.
        Assert.That(Eval("months_between", Sql("TIMESTAMPTZ '2023-03-12 12:00:00-04'"), Sql("TIMESTAMPTZ '2023-02-10 00:00:00-05'")).Value,
            Is.EqualTo("1.07930108"));
    }

    [Test]
    public void To_timestamp_ntz_keeps_the_wall_time_even_where_the_session_zone_skips_it()
    {
        Connection.ExecuteNonQuery("SET TimeZone = 'America/New_York'");
        Assert.That(Eval("to_timestamp_ntz", Str("2023-03-12 02:30:00"), Str("yyyy-MM-dd HH:mm:ss")), Is.EqualTo(new Result("2023-03-12 02:30:00", "TIMESTAMP")));
        Assert.That(Eval("to_timestamp_ntz", Str("2016-12-31 00:12:00")).Value, Is.EqualTo("2016-12-31 00:12:00"));
        Assert.That(Eval("to_timestamp_ltz", Str("2016-12-31 00:12:00")), Is.EqualTo(new Result("2016-12-31 00:12:00-05", "TIMESTAMP WITH TIME ZONE")));
        Assert.That(RenderFails("to_timestamp_ntz", Str("2016"), Str("yyyy VV")).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void Make_interval_builds_a_calendar_interval_with_exact_overflow_checks()
    {
        Assert.That(Eval("make_interval", Int(1), Int(2), Int(3), Int(4), Int(5), Int(6), Sql("CAST(7.5 AS DECIMAL(18,6))")),
            Is.EqualTo(new Result("1 year 2 months 25 days 05:06:07.5", "INTERVAL")));
        Assert.That(Eval("make_interval", Int(0), Int(-13)).Value, Is.EqualTo("-1 year -1 month"));
        Assert.That(Eval("make_interval", Int(1), Null("INTEGER")).Value, Is.Null);
        Assert.That(EvalFails("make_interval", Int(int.MaxValue), Int(1)).ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));
        Assert.That(Eval("try_make_interval", Int(int.MaxValue), Int(1)).Value, Is.Null);
        Assert.That(Eval("try_make_interval", Int(0), Int(0), Int(0), Int(0), Int(int.MaxValue)).Value, Is.EqualTo("2147483647:00:00"));
    }
}
