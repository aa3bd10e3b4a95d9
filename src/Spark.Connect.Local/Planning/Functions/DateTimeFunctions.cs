namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Date and time functions. Timestamps are read in the session time zone (DuckDB's <c>TimeZone</c>
/// setting, which the engine sets to Spark's <c>spark.sql.session.timeZone</c>). Field functions return
/// INTEGER (DuckDB: BIGINT); Spark counts Sunday as day 1 (DuckDB: 0); timestamp_ntz and dates are
/// cast to Spark's timestamp where Spark's function takes one.
/// </summary>
internal static class DateTimeFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var dateField = ResultRules.Strict(() => SparkTypes.Integer, SparkTypes.CastsToDatetime, ResultRules.DateType);
        var timeField = ResultRules.Strict(() => SparkTypes.Integer, SparkTypes.CastsToDatetime, ResultRules.TimestampType);
        var dateShift = ResultRules.Strict(() => SparkTypes.Date, t => SparkTypes.CastsToDatetime(t) || SparkTypes.IsIntegral(t), ResultRules.DateType);
        var epoch = ResultRules.Strict(() => SparkTypes.Long, SparkTypes.CastsToDatetime, ResultRules.TimestampType);
        registry.Scalar(c => DateField(c, "year"), dateField, "year");
        registry.Scalar(c => DateField(c, "quarter"), dateField, "quarter");
        registry.Scalar(c => DateField(c, "month"), dateField, "month");
        registry.Scalar(c => DateField(c, "day"), dateField, "dayofmonth", "day");
        registry.Scalar(c => DateField(c, "dayofyear"), dateField, "dayofyear");
        registry.Scalar(c => DateField(c, "weekofyear"), dateField, "weekofyear");
        registry.Scalar(c => $"CAST(dayofweek({AsDate(c.Expect(1), 0)}) + 1 AS INTEGER)", dateField, "dayofweek");
        registry.Scalar(c => $"CAST(isodow({AsDate(c.Expect(1), 0)}) - 1 AS INTEGER)", dateField, "weekday");
        registry.Scalar(c => TimeField(c, "hour"), timeField, "hour");
        registry.Scalar(c => TimeField(c, "minute"), timeField, "minute");
        registry.Scalar(c => TimeField(c, "second"), timeField, "second");
        registry.Scalar(c => $"CAST(({AsDate(c.Expect(2), 0)} + {Days(c, 1)}) AS DATE)", DayShift, "date_add", "dateadd");
        registry.Scalar(c => $"CAST(({AsDate(c.Expect(2), 0)} - {Days(c, 1)}) AS DATE)", DayShift, "date_sub");
        // DuckDB clamps to the month's last day like Spark (Jan 31 + 1 month = Feb 28/29).
        registry.Scalar(c => $"CAST(({AsDate(c.Expect(2), 0)} + to_months(CAST({c[1]} AS INTEGER))) AS DATE)", dateShift, "add_months");
        registry.Scalar(c => $"CAST(({AsDate(c.Expect(2), 0)} - {AsDate(c, 1)}) AS INTEGER)", dateField, "datediff", "date_diff");
        registry.Scalar(MakeYearMonthInterval, ResultRules.Strict(() => SparkTypes.YearMonthInterval, SparkTypes.CastsToNumber, "\"INT\""), "make_ym_interval");
        registry.Scalar(c => UnixTime(c, 1_000_000), epoch, "unix_seconds");
        registry.Scalar(c => UnixTime(c, 1_000), epoch, "unix_millis");
        registry.Scalar(c => $"epoch_us({AsTimestamp(c.Expect(1), 0)})", epoch, "unix_micros");
        registry.Scalar(c => c.WithoutArguments("current_date"), ResultRules.NeverNull(() => SparkTypes.Date), "current_date", "curdate");
        registry.Scalar(c => c.WithoutArguments("current_timestamp"), ResultRules.NeverNull(() => SparkTypes.Timestamp), "current_timestamp", "now");
        // ANSI: unparsable text raises instead of giving null, so only a null input makes these null.
        registry.Scalar(c => Parse(c, "DATE"), ResultRules.Text(() => SparkTypes.Date), "to_date");
        registry.Scalar(c => Parse(c, "TIMESTAMP WITH TIME ZONE"), ResultRules.Text(() => SparkTypes.Timestamp), "to_timestamp");
        registry.Scalar(DateFormat, ResultRules.Text(() => SparkTypes.String), "date_format");
        // An unknown truncation unit gives null, so both are nullable whatever the input.
        registry.Scalar(DateTrunc, c => c.Require(1, SparkTypes.CastsToDatetime, ResultRules.TimestampType).AlwaysNullable(SparkTypes.Timestamp), "date_trunc");
        registry.Scalar(Trunc, c => c.Require(0, SparkTypes.CastsToDatetime, ResultRules.DateType).AlwaysNullable(SparkTypes.Date), "trunc");
    }

    /// <summary>
    /// <c>date_add</c>/<c>date_sub</c>: a date (or text, a timestamp) and an INT, SMALLINT or TINYINT day count; a string
    /// count is read as an INT (ANSI), anything wider or fractional is Spark's UNEXPECTED_INPUT_TYPE.
    /// </summary>
    private static FunctionResult DayShift(TypedCall call) =>
        call.Require(0, SparkTypes.CastsToDatetime, ResultRules.DateType)
            .Require(1, t => t.KindCase is DataType.KindOneofCase.Integer or DataType.KindOneofCase.Short or DataType.KindOneofCase.Byte
                || SparkTypes.IsNull(t) || SparkTypes.IsString(t) || t.KindCase == DataType.KindOneofCase.DayTimeInterval, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")")
            .Strict(SparkTypes.Date);

    /// <summary>The day count as an INTEGER; text must be a whole number, else ANSI Spark's CAST_INVALID_INPUT.</summary>
    private static string Days(FunctionCall call, int index)
    {
        // A whole-day interval (date ± INTERVAL 'n' DAY, as Spark's analyzer rewrites it) counts its days.
        if (call.SparkTypeOf(index) is { KindCase: DataType.KindOneofCase.DayTimeInterval }) return $"CAST(trunc(epoch({call[index]}) / 86400) AS INTEGER)";
        if (call.SparkTypeOf(index) is not { } type || !SparkTypes.IsString(type)) return $"CAST({call[index]} AS INTEGER)";
        var error = SparkRuntimeErrors.RaiseWithValues("CAST_INVALID_INPUT", "The value '", "\"__d\"",
            "' of the type \"STRING\" cannot be cast to \"INT\" because it is malformed. Correct the value as per the syntax, or change its target type. " +
            "Use `try_cast` to tolerate malformed input and return NULL instead.");
        return ArrayFunctions.Let($"trim({call[index]})", "\"__d\"",
            $"CASE WHEN regexp_full_match(\"__d\", '[+-]?[0-9]+') THEN CAST(\"__d\" AS INTEGER) ELSE {error} END");
    }

    /// <summary>The argument as a DATE (Spark casts strings and timestamps to dates for date functions).</summary>
    internal static string AsDate(FunctionCall call, int index) =>
        call.TypeOf(index).Family == TypeFamily.Date ? call[index] : $"CAST({call[index]} AS DATE)";

    /// <summary>The argument as Spark's timestamp (TIMESTAMP WITH TIME ZONE; an ntz or a date is read in the session zone).</summary>
    internal static string AsTimestamp(FunctionCall call, int index) =>
        call.TypeOf(index).Family == TypeFamily.TimestampTz ? call[index] : $"CAST({call[index]} AS TIMESTAMP WITH TIME ZONE)";

    private static string DateField(FunctionCall call, string duckDbFunction)
    {
        call.Expect(1);
        var source = call.TypeOf(0).Family is TypeFamily.Timestamp or TypeFamily.TimestampTz ? call[0] : AsDate(call, 0);
        return $"CAST({duckDbFunction}({source}) AS INTEGER)";
    }

    private static string TimeField(FunctionCall call, string duckDbFunction)
    {
        call.Expect(1);
        var source = call.TypeOf(0).Family is TypeFamily.Timestamp or TypeFamily.TimestampTz ? call[0] : AsTimestamp(call, 0);
        return $"CAST({duckDbFunction}({source}) AS INTEGER)";
    }

    /// <summary><c>make_ym_interval([years[, months]])</c>: missing parts are 0; int overflow raises.</summary>
    private static string MakeYearMonthInterval(FunctionCall call)
    {
        call.ExpectBetween(0, 2);
        var years = call.Count > 0 ? $"CAST({call[0]} AS INTEGER)" : "0";
        var months = call.Count > 1 ? $"CAST({call[1]} AS INTEGER)" : "0";
        return $"to_months({years} * 12 + {months})";
    }

    /// <summary>Whole seconds or milliseconds since the epoch, rounded toward negative infinity as Spark's floorDiv.</summary>
    private static string UnixTime(FunctionCall call, long unit)
    {
        var micros = $"epoch_us({AsTimestamp(call.Expect(1), 0)})";
        var m = unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"list_transform([{micros}], lambda u: (u - ((u % {m}) + {m}) % {m}) // {m})[1]";
    }

    /// <summary>
    /// <c>to_date(s)</c>/<c>to_timestamp(s)</c> cast (invalid text raises, as ANSI Spark); with a format the text is read
    /// by Spark's pattern rules (<see cref="Strings.SparkDateTimePattern"/>): a mismatch is CANNOT_PARSE_TIMESTAMP.
    /// </summary>
    private static string Parse(FunctionCall call, string duckDbType)
    {
        call.ExpectBetween(1, 2);
        // A number is seconds since the epoch (Spark casts a numeric to a timestamp so).
        if (call.Count == 1 && duckDbType != "DATE" && call.SparkTypeOf(0) is { } type && SparkTypes.IsNumeric(type))
            return $"make_timestamptz(CAST(trunc(CAST({call[0]} AS DECIMAL(38,6)) * 1000000) AS BIGINT))";
        if (call.Count == 1) return $"CAST({call[0]} AS {duckDbType})";
        var pattern = call.StringLiteral(1, "format") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "format", "it is null");
        DateTimePatterns.CheckRecognized(pattern);
        try
        {
            Strings.SparkDateTimeFunctions.Pattern(pattern);
        }
        catch (Strings.SparkDateTimePattern.UnsupportedPattern unsupported)
        {
            throw LocalEngineException.Unsupported(unsupported.Message, "Use the pattern letters y, M, d, H, h, k, K, m, s, S, a and the zone letters z, V, X, x, Z.");
        }
        // Spark's own pattern reader (a DuckDB function of this engine) gives the local date-time and any zone in the text;
        // the cast then reads it in the session zone, as Spark does.
        var placeholder = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = pattern });
        var instant = $"CAST({Strings.SparkDateTimeFunctions.ParseDateTime}(CAST({call[0]} AS VARCHAR), {placeholder}) AS TIMESTAMP WITH TIME ZONE)";
        return duckDbType == "DATE" ? $"CAST({instant} AS DATE)" : instant;
    }

    /// <summary><c>date_format(ts, pattern)</c>: the Java pattern translated to strftime's and bound; text in the session zone.</summary>
    private static string DateFormat(FunctionCall call)
    {
        call.Expect(2);
        var pattern = call.StringLiteral(1, "format") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "format", "it is null");
        var placeholder = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = DateTimePatterns.ToStrftime(call.Name, pattern) });
        var source = call.TypeOf(0).Family is TypeFamily.Timestamp or TypeFamily.TimestampTz or TypeFamily.Date ? call[0] : AsTimestamp(call, 0);
        return $"strftime({source}, {placeholder})";
    }

    /// <summary>
    /// <c>date_trunc(unit, ts)</c>: Spark's timestamp result; the unit must be a literal and maps to a fixed
    /// DuckDB keyword. An unknown unit gives null, as in Spark.
    /// </summary>
    private static string DateTrunc(FunctionCall call)
    {
        call.Expect(2);
        var unit = DateTimePatterns.TruncationUnit(call.StringLiteral(0, "unit"), includeTimeUnits: true);
        return unit is null
            ? "CAST(NULL AS TIMESTAMP WITH TIME ZONE)"
            : $"date_trunc('{unit}', {AsTimestamp(call, 1)})";
    }

    /// <summary><c>trunc(date, unit)</c>: the date of the start of the year, quarter, month or week; null for other units.</summary>
    private static string Trunc(FunctionCall call)
    {
        call.Expect(2);
        var unit = DateTimePatterns.TruncationUnit(call.StringLiteral(1, "unit"), includeTimeUnits: false);
        return unit is null ? "CAST(NULL AS DATE)" : $"CAST(date_trunc('{unit}', {AsDate(call, 0)}) AS DATE)";
    }
}
