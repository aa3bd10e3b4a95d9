using System.Globalization;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Spark's short type names (<c>DataType.simpleString</c>: <c>int</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>,
/// <c>struct&lt;a:int&gt;</c>) for DuckDB column types, as <c>listColumns</c> reports them. The mapping follows the
/// one results use (docs/local-engine.md, "Results as Arrow"), so a column lists the type it is read back as.
/// </summary>
internal static class SparkTypeStrings
{
    internal static string Of(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbTypeId.Boolean => "boolean",
        DuckDbTypeId.TinyInt => "tinyint",
        DuckDbTypeId.SmallInt or DuckDbTypeId.UTinyInt => "smallint",
        DuckDbTypeId.Integer or DuckDbTypeId.USmallInt => "int",
        DuckDbTypeId.BigInt or DuckDbTypeId.UInteger => "bigint",
        DuckDbTypeId.UBigInt => "decimal(20,0)",
        DuckDbTypeId.HugeInt or DuckDbTypeId.UHugeInt => "decimal(38,0)",
        DuckDbTypeId.Float => "float",
        DuckDbTypeId.Double => "double",
        DuckDbTypeId.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({type.DecimalWidth},{type.DecimalScale})"),
        DuckDbTypeId.Varchar => "string",
        DuckDbTypeId.Blob => "binary",
        DuckDbTypeId.Date => "date",
        DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampS or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs => "timestamp_ntz",
        DuckDbTypeId.TimestampTz => "timestamp",
        DuckDbTypeId.Interval => "interval day to second",
        DuckDbTypeId.SqlNull => "void",
        DuckDbTypeId.List => $"array<{Of(type.ListChild!)}>",
        DuckDbTypeId.Struct => "struct<" + string.Join(",", type.StructFields.Select(f => $"{f.Name}:{Of(f.Type)}")) + ">",
        DuckDbTypeId.Map => $"map<{Of(type.MapKey!)},{Of(type.MapValue!)}>",
        // No Spark type (UUID, TIME, ENUM, …): DuckDB's own name, so the column is still listed.
        _ => type.ToString().ToLowerInvariant(),
    };
}
