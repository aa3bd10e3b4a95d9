using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Data;

/// <summary>A scalar Arrow cell inside a list, struct or map, as a DuckDB value of the matching type.</summary>
internal sealed class ArrowScalarConverter : ArrowValueConverter
{
    private readonly Func<ArrowColumn, int, ValueHandle> _create;

    private ArrowScalarConverter(DuckDbLogicalType type, string column, Func<ArrowColumn, int, ValueHandle> create) : base(type, column) =>
        _create = create;

    protected override ValueHandle CreateNotNull(ArrowColumn cells, int row) => _create(cells, row);

    public static ArrowScalarConverter Create(ArrowField field, string column)
    {
        var type = field.Type;
        ArrowScalarConverter Of(DuckDbTypeId id, Func<ArrowColumn, int, ValueHandle> create) => new(NestedTypes.Scalar(id), column, create);
        return type.Id switch
        {
            ArrowTypeId.Null => Of(DuckDbTypeId.Integer, (_, _) => DuckDbValues.Null()),
            ArrowTypeId.Boolean => Of(DuckDbTypeId.Boolean, (c, r) => DuckDbValues.Bool(((BooleanColumn)c).GetValue(r))),
            ArrowTypeId.Int8 => Of(DuckDbTypeId.TinyInt, (c, r) => DuckDbValues.Int8(((PrimitiveColumn<sbyte>)c).GetValue(r))),
            ArrowTypeId.Int16 => Of(DuckDbTypeId.SmallInt, (c, r) => DuckDbValues.Int16(((PrimitiveColumn<short>)c).GetValue(r))),
            ArrowTypeId.Int32 => Of(DuckDbTypeId.Integer, (c, r) => DuckDbValues.Int32(((PrimitiveColumn<int>)c).GetValue(r))),
            ArrowTypeId.Int64 => Of(DuckDbTypeId.BigInt, (c, r) => DuckDbValues.Int64(((PrimitiveColumn<long>)c).GetValue(r))),
            ArrowTypeId.Float32 => Of(DuckDbTypeId.Float, (c, r) => DuckDbValues.Float(((PrimitiveColumn<float>)c).GetValue(r))),
            ArrowTypeId.Float64 => Of(DuckDbTypeId.Double, (c, r) => DuckDbValues.Double(((PrimitiveColumn<double>)c).GetValue(r))),
            ArrowTypeId.Decimal128 => new ArrowScalarConverter(NestedTypes.Decimal(type.Precision, type.Scale), column, (c, r) =>
                DuckDbValues.Decimal((byte)type.Precision, (byte)type.Scale,
                    NestedTypes.CheckDecimal(((Decimal128Column)c).GetUnscaled(r), type.Precision, column))),
            ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => Of(DuckDbTypeId.Varchar, (c, r) => DuckDbValues.Varchar(((StringColumn)c).GetString(r)!)),
            ArrowTypeId.Binary or ArrowTypeId.LargeBinary => Of(DuckDbTypeId.Blob, (c, r) => DuckDbValues.Blob(((BinaryColumn)c).GetBytes(r))),
            ArrowTypeId.Date32 => Of(DuckDbTypeId.Date, (c, r) => DuckDbValues.Date(((Date32Column)c).GetValue(r))),
            ArrowTypeId.Timestamp when type.TimeZone is null =>
                Of(DuckDbTypeId.Timestamp, (c, r) => DuckDbValues.Timestamp(LocalRelationLoader.ToMicros(((PrimitiveColumn<long>)c).GetValue(r), field))),
            ArrowTypeId.Timestamp =>
                Of(DuckDbTypeId.TimestampTz, (c, r) => DuckDbValues.TimestampTz(LocalRelationLoader.ToMicros(((PrimitiveColumn<long>)c).GetValue(r), field))),
            ArrowTypeId.Duration => Of(DuckDbTypeId.Interval, (c, r) =>
                DuckDbValues.Interval(new DuckDbInterval(0, 0, LocalRelationLoader.ToMicros(((PrimitiveColumn<long>)c).GetValue(r), field)))),
            _ => throw LocalEngineException.Unsupported($"LocalRelation column '{column}' holding Arrow type {type}",
                "Local data may hold booleans, numbers, decimals, strings, binary, dates, timestamps, durations, and lists, structs and maps of them."),
        };
    }
}
