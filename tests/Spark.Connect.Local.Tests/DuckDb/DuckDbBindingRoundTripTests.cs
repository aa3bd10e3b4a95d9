using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

public class DuckDbBindingRoundTripTests : DuckDbTestBase
{
    private const string Columns =
        "b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT, u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, " +
        "u64 UBIGINT, f FLOAT, d DOUBLE, dec4 DECIMAL(4,2), dec9 DECIMAL(9,3), dec18 DECIMAL(18,6), dec38 DECIMAL(38,10), " +
        "s VARCHAR, bl BLOB, dt DATE, ts TIMESTAMP, iv INTERVAL";

    private static readonly string[] Strings =
        ["", "short", "exactly12byt", "thirteen byte", "a much longer string that lives out of line", "héllo wörld ✓ 日本語 🎉", "nul\0inside\0a long enough string", "\0"];

    [Test]
    public void Every_bindable_type_round_trips_through_a_table_including_nulls()
    {
        Connection.ExecuteNonQuery($"CREATE TABLE t(id INTEGER, {Columns})");
        using (var insert = Connection.Prepare("INSERT INTO t VALUES (" + string.Join(", ", Enumerable.Repeat("?", 21)) + ")"))
        {
            for (var id = 0; id < Strings.Length; id++)
            {
                insert.ClearBindings();
                insert.Bind(1, id);
                BindRow(insert, id);
                using var _ = insert.Execute();
            }
            insert.Bind(1, 100);
            for (var p = 2; p <= 21; p++)
                insert.BindNull(p);
            using var __ = insert.Execute();
        }

        using var result = Connection.Query("SELECT * FROM t ORDER BY id");
        Assert.That(result.ColumnTypes[12].ToString(), Is.EqualTo("DECIMAL(4,2)"));
        Assert.That(result.ColumnTypes[15].DecimalWidth, Is.EqualTo(38));
        Assert.That(result.ColumnTypes[15].DecimalScale, Is.EqualTo(10));
        var rows = ReadAll(result, (chunk, row) => Enumerable.Range(0, chunk.ColumnCount).Select(c => Read(chunk.GetVector(c), row)).ToArray());

        Assert.That(rows, Has.Count.EqualTo(Strings.Length + 1));
        for (var id = 0; id < Strings.Length; id++)
            Assert.That(rows[id], Is.EqualTo(Expected(id)), $"row {id}");
        Assert.That(rows[^1][0], Is.EqualTo(100));
        Assert.That(rows[^1].Skip(1), Is.All.Null);
    }

    private static void BindRow(DuckDbPreparedStatement s, int id)
    {
        var row = Expected(id);
        s.Bind(2, (bool)row[1]!);
        s.Bind(3, (sbyte)row[2]!);
        s.Bind(4, (short)row[3]!);
        s.Bind(5, (int)row[4]!);
        s.Bind(6, (long)row[5]!);
        s.Bind(7, (byte)row[6]!);
        s.Bind(8, (ushort)row[7]!);
        s.Bind(9, (uint)row[8]!);
        s.Bind(10, (ulong)row[9]!);
        s.Bind(11, (float)row[10]!);
        s.Bind(12, (double)row[11]!);
        s.Bind(13, (decimal)row[12]!);
        s.Bind(14, (decimal)row[13]!);
        s.Bind(15, (decimal)row[14]!);
        s.BindDecimal(16, DuckDbDecimal.Decompose((decimal)row[15]!).Unscaled * 10_000_000, 38, 10);
        s.Bind(17, (string)row[16]!);
        s.Bind(18, (byte[])row[17]!);
        s.Bind(19, (DateOnly)row[18]!);
        s.Bind(20, (DateTime)row[19]!);
        s.Bind(21, (DuckDbInterval)row[20]!);
    }

    // Values vary by row and reach each type's extremes, so a wrong width or offset shows up.
    private static object?[] Expected(int id)
    {
        var sign = id % 2 == 0 ? 1 : -1;
        return
        [
            id, id % 2 == 0, id == 0 ? sbyte.MinValue : (sbyte)(sign * id), id == 1 ? short.MaxValue : (short)(sign * 300 * id),
            id == 2 ? int.MinValue : sign * 70_000 * id, id == 3 ? long.MaxValue : sign * 5_000_000_000L * id,
            (byte)(250 - id), id == 4 ? ushort.MaxValue : (ushort)(id * 1000), id == 5 ? uint.MaxValue : (uint)id * 3_000_000_000u / 8,
            id == 6 ? ulong.MaxValue : (ulong)id * 10_000_000_000_000_000UL / 8, 1.5f * sign * id, Math.PI * sign * id,
            sign * (12.34m + id), sign * (123456.789m - id), sign * (123456789012.345678m + id), sign * (987654321.123m + id),
            Strings[id], Enumerable.Range(0, id * 5).Select(b => (byte)(b * 37)).ToArray(),
            new DateOnly(1900 + id * 30, 1 + id, 28), new DateTime(1960 + id * 10, 2, 3, 4, 5, 6).AddTicks(sign * 1234560L * id),
            new DuckDbInterval(sign * id, 2 * id, sign * 3_000_001L * id),
        ];
    }

    internal static object? Read(DuckDbVector v, int row)
    {
        if (!v.IsValid(row))
            return null;
        return v.Type.Id switch
        {
            DuckDbTypeId.Boolean => v.GetBoolean(row),
            DuckDbTypeId.TinyInt => v.GetData<sbyte>()[row],
            DuckDbTypeId.SmallInt => v.GetData<short>()[row],
            DuckDbTypeId.Integer => v.GetData<int>()[row],
            DuckDbTypeId.BigInt => v.GetData<long>()[row],
            DuckDbTypeId.UTinyInt => v.GetData<byte>()[row],
            DuckDbTypeId.USmallInt => v.GetData<ushort>()[row],
            DuckDbTypeId.UInteger => v.GetData<uint>()[row],
            DuckDbTypeId.UBigInt => v.GetData<ulong>()[row],
            DuckDbTypeId.HugeInt => v.GetHugeInt(row),
            DuckDbTypeId.Float => v.GetData<float>()[row],
            DuckDbTypeId.Double => v.GetData<double>()[row],
            // DECIMAL(38,10) holds the scale-3 test value shifted by 10^7 (beyond System.Decimal's digits when large).
            DuckDbTypeId.Decimal when v.Type.DecimalWidth > 28 => DuckDbDecimal.ToDecimal(v.GetUnscaledDecimal(row) / 10_000_000, 3),
            DuckDbTypeId.Decimal => v.GetDecimal(row),
            DuckDbTypeId.Varchar => v.GetString(row),
            DuckDbTypeId.Blob => v.GetBytes(row),
            DuckDbTypeId.Date => v.GetDate(row),
            DuckDbTypeId.Timestamp => v.GetTimestamp(row),
            DuckDbTypeId.Interval => v.GetInterval(row),
            _ => throw new NotSupportedException(v.Type.ToString()),
        };
    }
}
