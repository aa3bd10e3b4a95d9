using System.Globalization;
using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Data;

/// <summary>
/// Loads a <see cref="LocalRelation"/> (an Arrow IPC stream from the client) into a temporary table of a
/// session's connection. The bytes come from the network: our Arrow reader validates every buffer before
/// use, and anything malformed or of an unsupported type becomes a <see cref="LocalEngineException"/>.
/// </summary>
internal static class LocalRelationLoader
{
    internal static void Load(DuckDbConnection connection, string table, LocalRelation relation)
    {
        if (!relation.HasData || relation.Data.IsEmpty)
            throw LocalEngineException.Unsupported("a LocalRelation without Arrow data (schema only)",
                "Send the rows as an Arrow IPC stream in LocalRelation.data.");
        Load(connection, table, relation.Data.Memory, temporary: true);
    }

    /// <summary>
    /// Creates (or replaces) <paramref name="table"/> from an Arrow IPC stream: a temporary table of this connection, or
    /// (<paramref name="temporary"/> false) a table of the database's main schema that every connection sees.
    /// </summary>
    internal static void Load(DuckDbConnection connection, string table, ReadOnlyMemory<byte> arrowStream, bool temporary)
    {
        ArrowStreamReader reader;
        IReadOnlyList<RecordBatch> batches;
        try
        {
            reader = new ArrowStreamReader(arrowStream);
            batches = reader.ReadAllBatches();
        }
        catch (ArrowFormatException error)
        {
            throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000",
                $"The LocalRelation's Arrow data is malformed: {error.Message}", new Dictionary<string, string> { ["reason"] = error.Message }, error);
        }

        var fields = reader.Schema.Fields;
        if (fields.Count == 0)
            throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000", "The LocalRelation's Arrow schema has no columns.");
        var nested = new List<ArrowValueConverter>();
        try
        {
            var columns = fields.Select(f => Column(f, nested)).ToArray();
            Append(connection, table, batches, columns, temporary);
        }
        finally
        {
            foreach (var converter in nested)
                converter.Dispose();
        }
    }

    private static void Append(DuckDbConnection connection, string table, IReadOnlyList<RecordBatch> batches, (string Sql, AppendValue Append)[] columns, bool temporary)
    {
        var definition = string.Join(", ", columns.Select(c => c.Sql));
        var appenders = columns.Select(c => c.Append).ToArray();
        var quoted = SqlIdentifiers.Quote(table);
        try
        {
            connection.ExecuteNonQuery($"CREATE OR REPLACE {(temporary ? "TEMP " : string.Empty)}TABLE {quoted} ({definition})");
        }
        catch (DuckDbException error)
        {
            // The column names and types come from the client's schema, e.g. struct field names DuckDB refuses.
            throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000",
                $"The LocalRelation's schema cannot be a table: {error.Message}", null, error);
        }
        try
        {
            using var appender = connection.CreateAppender(table);
            foreach (var batch in batches)
            {
                for (var row = 0; row < batch.Length; row++)
                {
                    for (var c = 0; c < appenders.Length; c++)
                    {
                        var column = batch.Columns[c];
                        if (column.IsNull(row))
                            appender.AppendNull();
                        else
                            appenders[c](appender, column, row);
                    }
                    appender.EndRow();
                }
            }
            appender.Close();
        }
        catch (Exception error)
        {
            // A shared table is created inside the caller's transaction, whose rollback removes it.
            if (temporary)
                connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {quoted}");
            if (error is ArgumentOutOfRangeException or OverflowException or InvalidCastException or DuckDbException)
                throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000",
                    $"The LocalRelation holds a value DuckDB cannot store in its column: {error.Message}", null, error);
            throw;
        }
    }

    // Nested columns build DuckDB values (their converters are collected for disposal); scalar ones use the typed appends.
    private static (string Sql, AppendValue Append) Column(ArrowField field, List<ArrowValueConverter> nested)
    {
        if (field.Type.Id is not (ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Struct or ArrowTypeId.Map))
            return ($"{SqlIdentifiers.Quote(field.Name)} {SqlType(field)}", ValueAppender(field));
        var converter = ArrowValueConverter.For(field, field.Name);
        nested.Add(converter);
        return ($"{SqlIdentifiers.Quote(field.Name)} {NestedTypes.Sql(converter.Type)}", (appender, column, row) =>
        {
            try
            {
                using var value = converter.Create(column, row);
                appender.AppendValue(value);
            }
            catch (DuckDbException error)
            {
                // E.g. duplicate keys in one map: DuckDB refuses the value.
                throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000",
                    $"The LocalRelation's column '{field.Name}' holds a value DuckDB cannot store: {error.Message}",
                    new Dictionary<string, string> { ["column"] = field.Name }, error);
            }
        });
    }

    private static string SqlType(ArrowField field) => field.Type.Id switch
    {
        ArrowTypeId.Null => "INTEGER",
        ArrowTypeId.Boolean => "BOOLEAN",
        ArrowTypeId.Int8 => "TINYINT",
        ArrowTypeId.Int16 => "SMALLINT",
        ArrowTypeId.Int32 => "INTEGER",
        ArrowTypeId.Int64 => "BIGINT",
        ArrowTypeId.Float32 => "FLOAT",
        ArrowTypeId.Float64 => "DOUBLE",
        ArrowTypeId.Decimal128 => $"DECIMAL({field.Type.Precision},{field.Type.Scale})",
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => "VARCHAR",
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => "BLOB",
        ArrowTypeId.Date32 => "DATE",
        ArrowTypeId.Timestamp when field.Type.TimeZone is null => "TIMESTAMP",
        ArrowTypeId.Timestamp => "TIMESTAMPTZ",
        ArrowTypeId.Duration => "INTERVAL",
        _ => throw LocalEngineException.Unsupported($"LocalRelation column '{field.Name}' of Arrow type {field.Type}",
            "Local data may hold booleans, numbers, decimals, strings, binary, dates, timestamps, durations, and lists, structs and maps of them."),
    };

    private delegate void AppendValue(DuckDbAppender appender, ArrowColumn column, int row);

    private static AppendValue ValueAppender(ArrowField field) => field.Type.Id switch
    {
        ArrowTypeId.Null => (a, _, _) => a.AppendNull(),
        ArrowTypeId.Boolean => (a, c, r) => a.Append(((BooleanColumn)c).GetValue(r)),
        ArrowTypeId.Int8 => (a, c, r) => a.Append(((PrimitiveColumn<sbyte>)c).GetValue(r)),
        ArrowTypeId.Int16 => (a, c, r) => a.Append(((PrimitiveColumn<short>)c).GetValue(r)),
        ArrowTypeId.Int32 => (a, c, r) => a.Append(((PrimitiveColumn<int>)c).GetValue(r)),
        ArrowTypeId.Int64 => (a, c, r) => a.Append(((PrimitiveColumn<long>)c).GetValue(r)),
        ArrowTypeId.Float32 => (a, c, r) => a.Append(((PrimitiveColumn<float>)c).GetValue(r)),
        ArrowTypeId.Float64 => (a, c, r) => a.Append(((PrimitiveColumn<double>)c).GetValue(r)),
        ArrowTypeId.Decimal128 => (a, c, r) => a.Append(DecimalLiteral.PlainText(((Decimal128Column)c).GetUnscaled(r), field.Type.Scale)),
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => (a, c, r) => a.Append(((StringColumn)c).GetString(r)!),
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => (a, c, r) => a.Append(((BinaryColumn)c).GetBytes(r)),
        ArrowTypeId.Date32 => (a, c, r) => a.Append(DuckDbTime.FromDays(((Date32Column)c).GetValue(r))),
        ArrowTypeId.Timestamp => (a, c, r) => a.AppendTimestampMicros(ToMicros(((PrimitiveColumn<long>)c).GetValue(r), field)),
        ArrowTypeId.Duration => (a, c, r) => a.Append(new DuckDbInterval(0, 0, ToMicros(((PrimitiveColumn<long>)c).GetValue(r), field))),
        _ => throw new InvalidOperationException($"No appender for {field.Type}."),
    };

    internal static long ToMicros(long value, ArrowField field) => field.Type.Unit switch
    {
        ArrowTimeUnit.Second => checked(value * 1_000_000),
        ArrowTimeUnit.Millisecond => checked(value * 1_000),
        ArrowTimeUnit.Microsecond => value,
        _ => value / 1000 - (value % 1000 < 0 ? 1 : 0),
    };
}
