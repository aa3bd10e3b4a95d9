using System.Numerics;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Data;

/// <summary>DuckDB type descriptions and SQL text for the loaders' nested (LIST/STRUCT/MAP) columns.</summary>
internal static class NestedTypes
{
    public static DuckDbLogicalType Scalar(DuckDbTypeId id) => new() { Id = id };
    public static DuckDbLogicalType Decimal(int width, int scale) =>
        new() { Id = DuckDbTypeId.Decimal, DecimalWidth = (byte)width, DecimalScale = (byte)scale };
    public static DuckDbLogicalType List(DuckDbLogicalType element) => new() { Id = DuckDbTypeId.List, ListChild = element };
    public static DuckDbLogicalType Struct(IReadOnlyList<DuckDbStructField> fields) => new() { Id = DuckDbTypeId.Struct, StructFields = fields };
    public static DuckDbLogicalType Map(DuckDbLogicalType key, DuckDbLogicalType value) => new() { Id = DuckDbTypeId.Map, MapKey = key, MapValue = value };

    /// <summary>The type as CREATE TABLE text; struct field names go through <see cref="SqlIdentifiers.Quote"/>.</summary>
    public static string Sql(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbTypeId.Boolean => "BOOLEAN",
        DuckDbTypeId.TinyInt => "TINYINT",
        DuckDbTypeId.SmallInt => "SMALLINT",
        DuckDbTypeId.Integer => "INTEGER",
        DuckDbTypeId.BigInt => "BIGINT",
        DuckDbTypeId.Float => "FLOAT",
        DuckDbTypeId.Double => "DOUBLE",
        DuckDbTypeId.Varchar => "VARCHAR",
        DuckDbTypeId.Blob => "BLOB",
        DuckDbTypeId.Date => "DATE",
        DuckDbTypeId.Timestamp => "TIMESTAMP",
        DuckDbTypeId.TimestampTz => "TIMESTAMPTZ",
        DuckDbTypeId.Interval => "INTERVAL",
        DuckDbTypeId.Decimal => $"DECIMAL({type.DecimalWidth},{type.DecimalScale})",
        DuckDbTypeId.List => $"{Sql(type.ListChild!)}[]",
        DuckDbTypeId.Struct => $"STRUCT({string.Join(", ", type.StructFields.Select(f => $"{SqlIdentifiers.Quote(f.Name)} {Sql(f.Type)}"))})",
        DuckDbTypeId.Map => $"MAP({Sql(type.MapKey!)}, {Sql(type.MapValue!)})",
        _ => throw new InvalidOperationException($"No SQL text for the DuckDB type {type}."),
    };

    /// <summary>Checks that an unscaled decimal fits <paramref name="width"/> digits, so DuckDB never stores an out-of-range value.</summary>
    public static Int128 CheckDecimal(Int128 unscaled, int width, string column)
    {
        var limit = BigInteger.Pow(10, width);
        if (BigInteger.Abs((BigInteger)unscaled) >= limit)
            throw new OverflowException($"A decimal in column '{column}' has more than {width} digits.");
        return unscaled;
    }

    /// <summary>A C# decimal as an unscaled value at <paramref name="scale"/> (rounded half away from zero), checked against the width.</summary>
    public static Int128 Unscale(decimal value, int width, int scale, string column)
    {
        var rounded = Math.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero);
        var (unscaled, valueScale) = DuckDbDecimal.Decompose(rounded);
        var scaled = (BigInteger)unscaled * BigInteger.Pow(10, scale - valueScale);
        if (BigInteger.Abs(scaled) >= BigInteger.Pow(10, width))
            throw new OverflowException($"The decimal {value} in column '{column}' does not fit DECIMAL({width},{scale}).");
        return (Int128)scaled;
    }
}
