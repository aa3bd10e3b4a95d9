using System.Globalization;

namespace Spark.Connect.Local.Planning;

/// <summary>The one mapping from a Spark <see cref="DataType"/> to the DuckDB type name the planner writes.</summary>
internal static class DuckDbTypeNames
{
    /// <summary>
    /// DuckDB's spelling of <paramref name="type"/>. Spark's TIMESTAMP is an instant (DuckDB TIMESTAMPTZ),
    /// TIMESTAMP_NTZ a wall-clock time (DuckDB TIMESTAMP); all three Spark interval kinds are DuckDB
    /// INTERVAL. Struct field names go through <see cref="SqlIdentifiers.Quote"/>.
    /// </summary>
    internal static string FromSpark(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Boolean => "BOOLEAN",
        DataType.KindOneofCase.Byte => "TINYINT",
        DataType.KindOneofCase.Short => "SMALLINT",
        DataType.KindOneofCase.Integer => "INTEGER",
        DataType.KindOneofCase.Long => "BIGINT",
        DataType.KindOneofCase.Float => "FLOAT",
        DataType.KindOneofCase.Double => "DOUBLE",
        DataType.KindOneofCase.Decimal => Decimal(type.Decimal.HasPrecision ? type.Decimal.Precision : 10, type.Decimal.HasScale ? type.Decimal.Scale : 0),
        DataType.KindOneofCase.String or DataType.KindOneofCase.Char or DataType.KindOneofCase.VarChar => "VARCHAR",
        DataType.KindOneofCase.Binary => "BLOB",
        DataType.KindOneofCase.Date => "DATE",
        DataType.KindOneofCase.Timestamp => "TIMESTAMPTZ",
        DataType.KindOneofCase.TimestampNtz => "TIMESTAMP",
        DataType.KindOneofCase.CalendarInterval or DataType.KindOneofCase.DayTimeInterval
            or DataType.KindOneofCase.YearMonthInterval => "INTERVAL",
        DataType.KindOneofCase.Array => FromSpark(type.Array.ElementType) + "[]",
        DataType.KindOneofCase.Map => $"MAP({FromSpark(type.Map.KeyType)}, {FromSpark(type.Map.ValueType)})",
        DataType.KindOneofCase.Struct => "STRUCT(" + string.Join(", ",
            type.Struct.Fields.Select(f => SqlIdentifiers.Quote(f.Name) + " " + FromSpark(f.DataType))) + ")",
        // DuckDB's untyped NULL has no spelling in CAST; INTEGER is what DuckDB itself gives a bare NULL column.
        DataType.KindOneofCase.Null => "INTEGER",
        _ => throw LocalEngineException.Unsupported($"the data type '{type.KindCase}'",
            "Use a boolean, numeric, decimal, string, binary, date, timestamp, interval, array, map or struct type."),
    };

    /// <summary>DECIMAL(p,s) after checking the bounds DuckDB shares with Spark (precision 1..38, 0 ≤ scale ≤ precision).</summary>
    internal static string Decimal(int precision, int scale)
    {
        if (precision is < 1 or > 38 || scale < 0 || scale > precision)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"DECIMAL({precision},{scale}) is not a valid decimal type: precision must be 1..38 and scale between 0 and the precision.");
        return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({precision},{scale})");
    }
}
