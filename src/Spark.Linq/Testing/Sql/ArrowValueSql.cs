using System.Globalization;
using Spark.Connect.Arrow;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing;

/// <summary>
/// One Arrow value (a cell of rows sent with the query) as Spark SQL of exactly its column's Spark type: scalars become
/// literals spelt by <see cref="SparkSqlLiterals"/> (typed numbers cast, strings escaped), nulls <c>CAST(NULL AS T)</c>,
/// arrays and maps <c>CAST(array(…) AS ARRAY&lt;T&gt;)</c> so an empty or all-null one keeps its element type.
/// </summary>
internal static class ArrowValueSql
{
    /// <summary>The Spark type of an Arrow field, as Spark.Linq's CreateDataFrame writes them.</summary>
    public static DataType SparkType(ArrowField field) => field.Type.Id switch
    {
        ArrowTypeId.Null => new DataType { Null = new DataType.Types.NULL() },
        ArrowTypeId.Boolean => new DataType { Boolean = new DataType.Types.Boolean() },
        ArrowTypeId.Int8 => new DataType { Byte = new DataType.Types.Byte() },
        ArrowTypeId.Int16 => new DataType { Short = new DataType.Types.Short() },
        ArrowTypeId.Int32 => new DataType { Integer = new DataType.Types.Integer() },
        ArrowTypeId.Int64 => new DataType { Long = new DataType.Types.Long() },
        ArrowTypeId.Float32 => new DataType { Float = new DataType.Types.Float() },
        ArrowTypeId.Float64 => new DataType { Double = new DataType.Types.Double() },
        ArrowTypeId.Decimal128 => new DataType { Decimal = new DataType.Types.Decimal { Precision = field.Type.Precision, Scale = field.Type.Scale } },
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => new DataType { String = new DataType.Types.String() },
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => new DataType { Binary = new DataType.Types.Binary() },
        ArrowTypeId.Date32 => new DataType { Date = new DataType.Types.Date() },
        ArrowTypeId.Timestamp when field.Type.TimeZone is null => new DataType { TimestampNtz = new DataType.Types.TimestampNTZ() },
        ArrowTypeId.Timestamp => new DataType { Timestamp = new DataType.Types.Timestamp() },
        ArrowTypeId.Duration => new DataType { DayTimeInterval = new DataType.Types.DayTimeInterval { StartField = 0, EndField = 3 } },
        ArrowTypeId.List or ArrowTypeId.LargeList => new DataType
        {
            Array = new DataType.Types.Array { ElementType = SparkType(field.Children[0]), ContainsNull = field.Children[0].Nullable },
        },
        ArrowTypeId.Map => new DataType
        {
            Map = new DataType.Types.Map
            {
                KeyType = SparkType(field.Children[0].Children[0]),
                ValueType = SparkType(field.Children[0].Children[1]),
                ValueContainsNull = field.Children[0].Children[1].Nullable,
            },
        },
        ArrowTypeId.Struct => new DataType
        {
            Struct = new DataType.Types.Struct
            {
                Fields = { field.Children.Select(c => new DataType.Types.StructField { Name = c.Name, DataType = SparkType(c), Nullable = c.Nullable }) },
            },
        },
        _ => throw new NotSupportedException($"The rows sent with the query have a column '{field.Name}' of Arrow type {field.Type}, which ToSparkSql can't write as Spark SQL."),
    };

    /// <summary>The value at <paramref name="row"/> of <paramref name="column"/> as SQL of the column's type.</summary>
    public static string Render(ArrowColumn column, int row)
    {
        Query.Depth.StackGuard.Ensure("a local row rendered as SQL");
        if (column.IsNull(row)) return column.Field.Type.Id == ArrowTypeId.Null ? "NULL" : $"CAST(NULL AS {SparkSqlLiterals.SqlType(SparkType(column.Field))})";
        return column switch
        {
            MapColumn map => Typed(column, "map(" + string.Join(", ", Range(map, row).Select(i => Render(map.Keys, i) + ", " + Render(map.Items, i))) + ")"),
            ListColumn list => Typed(column, "array(" + string.Join(", ", Range(list, row).Select(i => Render(list.Values, i))) + ")"),
            StructColumn structure => "named_struct(" + string.Join(", ", structure.Children.Select(c => SparkSqlLiterals.Quote(c.Field.Name) + ", " + Render(c, row))) + ")",
            _ => SparkSqlLiterals.Render(Scalar(column, row)),
        };
    }

    private static IEnumerable<int> Range(ListColumn list, int row) => Enumerable.Range(list.GetStart(row), list.GetLength(row));

    private static string Typed(ArrowColumn column, string value) => $"CAST({value} AS {SparkSqlLiterals.SqlType(SparkType(column.Field))})";

    private static Literal Scalar(ArrowColumn column, int row) => column switch
    {
        BooleanColumn b => new Literal { Boolean = b.GetValue(row) },
        PrimitiveColumn<sbyte> i8 => new Literal { Byte = i8.GetValue(row) },
        PrimitiveColumn<short> i16 => new Literal { Short = i16.GetValue(row) },
        TimestampColumn ts => ts.Field.Type.TimeZone is null
            ? new Literal { TimestampNtz = Micros(ts.GetValue(row), ts.Unit) }
            : new Literal { Timestamp = Micros(ts.GetValue(row), ts.Unit) },
        DurationColumn d => new Literal { DayTimeInterval = Micros(d.GetValue(row), d.Field.Type.Unit) },
        Date32Column date => new Literal { Date = date.GetValue(row) },
        PrimitiveColumn<int> i32 => new Literal { Integer = i32.GetValue(row) },
        PrimitiveColumn<long> i64 => new Literal { Long = i64.GetValue(row) },
        PrimitiveColumn<float> f32 => new Literal { Float = f32.GetValue(row) },
        PrimitiveColumn<double> f64 => new Literal { Double = f64.GetValue(row) },
        Decimal128Column dec => new Literal
        {
            Decimal = new Literal.Types.Decimal { Value = DecimalText(dec.GetUnscaled(row), dec.Field.Type.Scale), Precision = dec.Field.Type.Precision, Scale = dec.Field.Type.Scale },
        },
        StringColumn s => new Literal { String = s.GetString(row)! },
        BinaryColumn bin => new Literal { Binary = Google.Protobuf.ByteString.CopyFrom(bin.GetBytes(row)) },
        _ => throw new NotSupportedException($"The rows sent with the query have a column '{column.Field.Name}' of Arrow type {column.Field.Type}, which ToSparkSql can't write as Spark SQL."),
    };

    private static long Micros(long value, ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => checked(value * 1_000_000),
        ArrowTimeUnit.Millisecond => checked(value * 1_000),
        ArrowTimeUnit.Microsecond => value,
        // Spark keeps microseconds: a finer value would be changed by writing it, so it is refused rather than rounded.
        _ when value % 1000 == 0 => value / 1000,
        _ => throw new NotSupportedException("The rows sent with the query hold a time with nanoseconds, which Spark SQL can't write."),
    };

    /// <summary>An unscaled decimal as plain text (<c>-12.50</c>): exact for all 38 digits, which <see cref="decimal"/> can't hold.</summary>
    private static string DecimalText(Int128 unscaled, int scale)
    {
        if (unscaled == Int128.MinValue) throw new NotSupportedException("The rows sent with the query hold a decimal beyond 38 digits.");
        var negative = unscaled < 0;
        var digits = (negative ? -unscaled : unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        else if (scale < 0)
        {
            digits += new string('0', -scale);
        }
        return negative ? "-" + digits : digits;
    }
}
