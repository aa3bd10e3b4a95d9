namespace Spark.Connect.Local.Tests.Planning.Functions;

public class DateTimeFunctionTests : FunctionTestBase
{
    private static readonly SqlArgumentFactory Timestamp = value => Sql($"TIMESTAMP '{value}'");

    private delegate Spark.Connect.Local.Planning.Functions.SqlArgument SqlArgumentFactory(string value);

    [TestCase("year", "2024")]
    [TestCase("quarter", "2")]
    [TestCase("month", "6")]
    [TestCase("dayofmonth", "2")]
    [TestCase("dayofyear", "154")]
    [TestCase("dayofweek", "1")]   // 2024-06-02 is a Sunday: Spark counts Sunday as 1
    [TestCase("weekday", "6")]     // Monday = 0
    [TestCase("hour", "13")]
    [TestCase("minute", "14")]
    [TestCase("second", "15")]
    public void Fields_of_a_timestamp_are_integers(string name, string expected) =>
        Assert.That(Eval(name, Timestamp("2024-06-02 13:14:15.678")), Is.EqualTo(new Result(expected, "INTEGER")));

    [Test]
    public void Fields_of_dates_strings_and_nulls()
    {
        Assert.That(Eval("dayofweek", Sql("DATE '2024-06-08'")).Value, Is.EqualTo("7"), "Saturday");
        Assert.That(Eval("year", Str("2023-12-31")), Is.EqualTo(new Result("2023", "INTEGER")));
        Assert.That(Eval("hour", Sql("DATE '2024-06-08'")).Value, Is.EqualTo("0"));
        Assert.That(Eval("month", Null("DATE")).Value, Is.Null);
    }

    [Test]
    public void Fields_of_a_timestamp_with_time_zone_are_read_in_the_session_zone()
    {
        Connection.ExecuteNonQuery("SET TimeZone = 'America/Los_Angeles'");
        Assert.That(Eval("hour", Sql("TIMESTAMPTZ '2024-06-02 03:00:00+00'")).Value, Is.EqualTo("20"));
        Assert.That(Eval("dayofmonth", Sql("TIMESTAMPTZ '2024-06-02 03:00:00+00'")).Value, Is.EqualTo("1"));
    }

    [TestCase("YEAR", "2024", "INTEGER")]
    [TestCase("yrs", "2024", "INTEGER")]
    [TestCase("QUARTER", "2", "INTEGER")]
    [TestCase("mon", "6", "INTEGER")]
    [TestCase("WEEK", "22", "INTEGER")]
    [TestCase("D", "2", "INTEGER")]
    [TestCase("DAYOFWEEK", "1", "INTEGER")]
    [TestCase("DOW_ISO", "7", "INTEGER")]
    [TestCase("DOY", "154", "INTEGER")]
    [TestCase("H", "13", "INTEGER")]
    [TestCase("MINUTE", "14", "INTEGER")]
    [TestCase("SECOND", "15.678000", "DECIMAL(8,6)")]
    public void Date_part_maps_sparks_field_names(string field, string expected, string type) =>
        Assert.That(Eval("date_part", Str(field), Timestamp("2024-06-02 13:14:15.678")), Is.EqualTo(new Result(expected, type)));

    [Test]
    public void Date_part_of_day_time_intervals_uses_the_total_length()
    {
        var interval = Sql("INTERVAL '36 hours 30 minutes 1.5 seconds'");
        Assert.That(Eval("date_part", Str("DAY"), interval), Is.EqualTo(new Result("1", "INTEGER")));
        Assert.That(Eval("date_part", Str("HOUR"), interval), Is.EqualTo(new Result("12", "TINYINT")));
        Assert.That(Eval("date_part", Str("MINUTE"), interval).Value, Is.EqualTo("30"));
        Assert.That(Eval("date_part", Str("SECOND"), interval), Is.EqualTo(new Result("1.500000", "DECIMAL(8,6)")));
        Assert.That(Eval("date_part", Str("HOUR"), Sql("-INTERVAL '25 hours'")).Value, Is.EqualTo("-1"), "truncates toward zero");
    }

    [Test]
    public void Date_part_rejects_unknown_fields_and_field_columns()
    {
        Assert.That(RenderFails("date_part", Str("fortnight"), Timestamp("2024-01-01")).ErrorClass, Is.EqualTo("INVALID_EXTRACT_FIELD"));
        Assert.That(RenderFails("date_part", Sql("'YEAR'"), Timestamp("2024-01-01")).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }

    [TestCase("YEAR", "2024-01-01 00:00:00")]
    [TestCase("mm", "2024-06-01 00:00:00")]
    [TestCase("WEEK", "2024-05-27 00:00:00")]
    [TestCase("DAY", "2024-06-02 00:00:00")]
    [TestCase("hour", "2024-06-02 13:00:00")]
    public void Date_trunc_returns_a_timestamp(string unit, string expected)
    {
        var result = Eval("date_trunc", Str(unit), Timestamp("2024-06-02 13:14:15"));
        Assert.That(result.Type, Is.EqualTo("TIMESTAMP WITH TIME ZONE"));
        Assert.That(result.Value, Is.EqualTo(expected + "+00"));
    }

    [Test]
    public void Date_trunc_with_an_unknown_unit_is_null_and_trunc_returns_a_date()
    {
        Assert.That(Eval("date_trunc", Str("decade"), Timestamp("2024-06-02")).Value, Is.Null);
        Assert.That(Eval("trunc", Sql("DATE '2024-06-02'"), Str("MM")), Is.EqualTo(new Result("2024-06-01", "DATE")));
    }

    [Test]
    public void Date_add_add_months_and_datediff()
    {
        Assert.That(Eval("date_add", Sql("DATE '2024-02-28'"), Int(2)), Is.EqualTo(new Result("2024-03-01", "DATE")));
        Assert.That(Eval("date_add", Timestamp("2024-02-28 23:00"), Int(-1)), Is.EqualTo(new Result("2024-02-27", "DATE")));
        Assert.That(Eval("add_months", Sql("DATE '2024-01-31'"), Int(1)), Is.EqualTo(new Result("2024-02-29", "DATE")), "clamped to the month's end");
        Assert.That(Eval("add_months", Sql("DATE '2024-03-31'"), Int(-13)).Value, Is.EqualTo("2023-02-28"));
        Assert.That(Eval("datediff", Sql("DATE '2024-03-01'"), Sql("DATE '2024-02-01'")), Is.EqualTo(new Result("29", "INTEGER")));
    }

    [Test]
    public void Make_ym_interval_defaults_missing_parts_to_zero()
    {
        Assert.That(Eval("make_ym_interval", Int(1), Int(2)), Is.EqualTo(new Result("1 year 2 months", "INTERVAL")));
        Assert.That(Eval("make_ym_interval", Int(0), Int(-3)).Value, Is.EqualTo("-3 months"));
        Assert.That(Eval("make_ym_interval").Value, Is.EqualTo("00:00:00"));
        Assert.That(Eval("make_ym_interval", Null("INTEGER")).Value, Is.Null);
    }

    [Test]
    public void Unix_times_floor_toward_negative_infinity()
    {
        var beforeEpoch = Sql("TIMESTAMPTZ '1969-12-31 23:59:59.5+00'");
        Assert.That(Eval("unix_seconds", beforeEpoch), Is.EqualTo(new Result("-1", "BIGINT")));
        Assert.That(Eval("unix_millis", beforeEpoch), Is.EqualTo(new Result("-500", "BIGINT")));
        Assert.That(Eval("unix_micros", beforeEpoch), Is.EqualTo(new Result("-500000", "BIGINT")));
        Assert.That(Eval("unix_seconds", Sql("TIMESTAMPTZ '2024-01-01 00:00:01.999+00'")).Value, Is.EqualTo("1704067201"));
    }

    [Test]
    public void Current_date_and_timestamp_and_to_date()
    {
        Assert.That(Eval("current_date").Type, Is.EqualTo("DATE"));
        Assert.That(Eval("current_timestamp").Type, Is.EqualTo("TIMESTAMP WITH TIME ZONE"));
        Assert.That(Eval("to_date", Str("2024-06-02")), Is.EqualTo(new Result("2024-06-02", "DATE")));
        Assert.That(Eval("to_date", Str("02/06/2024"), Str("dd/MM/yyyy")), Is.EqualTo(new Result("2024-06-02", "DATE")));
        Assert.That(Eval("to_date", Str("2024-06-02T10:11"), Str("yyyy-MM-dd'T'HH:mm")).Value, Is.EqualTo("2024-06-02"));
        Assert.That(RenderFails("to_date", Str("x"), Str("yyyy-QQQ")).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(RenderFails("current_date", Int(1)).ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }
}
