using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Results;

/// <summary>
/// Maps DuckDB logical types to the Arrow types Spark Connect uses for the matching Spark SQL types.
/// Every field is nullable: DuckDB does not report whether a result column can hold NULL.
/// </summary>
internal static class DuckDbArrowTypes
{
    // Spark's ArrowUtils names a list's item field "element" and a map's value field "value".
    internal const string ListItemName = "element";
    internal const string MapValueName = "value";

    /// <summary>
    /// The Arrow schema of a result: one field per column, named after the DuckDB column; <paramref name="sparkSchema"/>
    /// (the planned struct type, if known) picks each interval's kind (<see cref="SparkResultTypes"/>).
    /// </summary>
    internal static ArrowSchema SchemaFor(DuckDbResult result, DataType? sparkSchema = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fields = new ArrowField[result.ColumnCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = FieldFor(SqlIdentifiers.FromDuckDb(result.ColumnNames[i]), result.ColumnTypes[i], result.ColumnNames[i],
                SparkResultTypes.Field(sparkSchema, i));
        return new ArrowSchema(fields);
    }

    /// <summary>The Arrow field for one DuckDB type; <paramref name="column"/> names the top-level column in errors.</summary>
    internal static ArrowField FieldFor(string name, DuckDbLogicalType type, string column, DataType? spark = null) => type.Id switch
    {
        DuckDbTypeId.List => ArrowField.List(name, FieldFor(ListItemName, type.ListChild!, column, SparkResultTypes.Element(spark))),
        DuckDbTypeId.Struct => ArrowField.Struct(name,
            type.StructFields.Select((f, i) => FieldFor(SqlIdentifiers.FromDuckDb(f.Name), f.Type, column, SparkResultTypes.Field(spark, i))).ToArray()),
        DuckDbTypeId.Map => ArrowField.Map(name, ScalarType(type.MapKey!, column, SparkResultTypes.Key(spark)),
            FieldFor(MapValueName, type.MapValue!, column, SparkResultTypes.Value(spark))),
        _ => new ArrowField(name, ScalarType(type, column, spark)),
    };

    private static ArrowType ScalarType(DuckDbLogicalType type, string column, DataType? spark) => type.Id switch
    {
        DuckDbTypeId.SqlNull => ArrowType.Null,
        DuckDbTypeId.Boolean => ArrowType.Boolean,
        DuckDbTypeId.TinyInt => ArrowType.Int8,
        DuckDbTypeId.SmallInt or DuckDbTypeId.UTinyInt => ArrowType.Int16,
        DuckDbTypeId.Integer or DuckDbTypeId.USmallInt => ArrowType.Int32,
        DuckDbTypeId.BigInt or DuckDbTypeId.UInteger => ArrowType.Int64,
        // Spark has no unsigned 64-bit type; like Spark's Parquet reader, UBIGINT becomes DECIMAL(20,0).
        DuckDbTypeId.UBigInt => ArrowType.Decimal128(20, 0),
        // 128-bit integers can hold 39 digits; values beyond DECIMAL(38,0) fail at conversion time.
        DuckDbTypeId.HugeInt or DuckDbTypeId.UHugeInt => ArrowType.Decimal128(38, 0),
        DuckDbTypeId.Float => ArrowType.Float32,
        DuckDbTypeId.Double => ArrowType.Float64,
        DuckDbTypeId.Decimal => ArrowType.Decimal128(type.DecimalWidth, type.DecimalScale),
        DuckDbTypeId.Varchar => ArrowType.Utf8,
        DuckDbTypeId.Blob => ArrowType.Binary,
        DuckDbTypeId.Date => ArrowType.Date32,
        // TIMESTAMP has no time zone: Spark's timestamp_ntz. Every precision is converted to microseconds.
        DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampS or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs =>
            ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null),
        DuckDbTypeId.TimestampTz => ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"),
        // DuckDB has one INTERVAL type: the planned Spark type says which of Spark's three it is; without one it is
        // day-time (Arrow duration[us]), as timestamp differences and TimeSpan literals are, and a value carrying
        // months fails by column name.
        DuckDbTypeId.Interval => SparkResultTypes.IntervalArrowType(spark),
        _ => throw Unsupported(column, type),
    };

    private static NotSupportedException Unsupported(string column, DuckDbLogicalType type) => new(
        $"Column '{column}' has DuckDB type {type}, which has no Spark equivalent in this engine; " +
        "CAST it to a supported type (for example VARCHAR) in the query.");
}
