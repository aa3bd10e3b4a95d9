using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

// Signatures follow duckdb.h (C API, DuckDB 1.5). Handles passed by value are the opaque
// duckdb_* pointers; "ref nint" is the pointer-to-handle that the destroy functions take.
// Functions returning const char* return nint: the string belongs to DuckDB and must not be freed.
#pragma warning disable IDE1006 // the C names are kept so each import can be checked against duckdb.h
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    static NativeMethods() => DuckDbLibrary.RegisterResolver();

    [LibraryImport(Library)] internal static partial nint duckdb_library_version();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string path, out nint database, nint config, out nint error);
    [LibraryImport(Library)] internal static partial void duckdb_close(ref nint database);
    [LibraryImport(Library)] internal static partial void duckdb_free(nint pointer);

    [LibraryImport(Library)] internal static partial DuckDbState duckdb_connect(DatabaseHandle database, out nint connection);
    [LibraryImport(Library)] internal static partial void duckdb_disconnect(ref nint connection);
    [LibraryImport(Library)] internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(ConnectionHandle connection, string sql, NativeResult* result);
    [LibraryImport(Library)] internal static partial void duckdb_destroy_result(NativeResult* result);
    [LibraryImport(Library)] internal static partial nint duckdb_result_error(NativeResult* result);
    [LibraryImport(Library)] internal static partial ulong duckdb_column_count(NativeResult* result);
    [LibraryImport(Library)] internal static partial nint duckdb_column_name(NativeResult* result, ulong column);
    [LibraryImport(Library)] internal static partial nint duckdb_column_logical_type(NativeResult* result, ulong column);
    [LibraryImport(Library)] internal static partial ulong duckdb_rows_changed(NativeResult* result);
    // Takes the result struct by value, as declared in duckdb.h.
    [LibraryImport(Library)] internal static partial nint duckdb_fetch_chunk(NativeResult result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string sql, out nint statement);
    [LibraryImport(Library)] internal static partial void duckdb_destroy_prepare(ref nint statement);
    [LibraryImport(Library)] internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);
    [LibraryImport(Library)] internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_clear_bindings(PreparedStatementHandle statement);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_null(PreparedStatementHandle s, ulong index);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_boolean(PreparedStatementHandle s, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_int8(PreparedStatementHandle s, ulong index, sbyte value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_int16(PreparedStatementHandle s, ulong index, short value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_int32(PreparedStatementHandle s, ulong index, int value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_int64(PreparedStatementHandle s, ulong index, long value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_hugeint(PreparedStatementHandle s, ulong index, NativeHugeInt value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_uint8(PreparedStatementHandle s, ulong index, byte value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_uint16(PreparedStatementHandle s, ulong index, ushort value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_uint32(PreparedStatementHandle s, ulong index, uint value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_uint64(PreparedStatementHandle s, ulong index, ulong value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_float(PreparedStatementHandle s, ulong index, float value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_double(PreparedStatementHandle s, ulong index, double value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_decimal(PreparedStatementHandle s, ulong index, NativeDecimal value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_date(PreparedStatementHandle s, ulong index, int days);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_timestamp(PreparedStatementHandle s, ulong index, long micros);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_interval(PreparedStatementHandle s, ulong index, DuckDbInterval value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_varchar_length(PreparedStatementHandle s, ulong index, byte* utf8, ulong length);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_bind_blob(PreparedStatementHandle s, ulong index, byte* data, ulong length);

    [LibraryImport(Library)] internal static partial DuckDbState duckdb_pending_prepared_streaming(PreparedStatementHandle statement, out nint pending);
    [LibraryImport(Library)] internal static partial void duckdb_destroy_pending(ref nint pending);
    [LibraryImport(Library)] internal static partial nint duckdb_pending_error(PendingResultHandle pending);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_execute_pending(PendingResultHandle pending, NativeResult* result);

    [LibraryImport(Library)] internal static partial void duckdb_destroy_logical_type(ref nint type);
    [LibraryImport(Library)] internal static partial DuckDbTypeId duckdb_get_type_id(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial byte duckdb_decimal_width(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial byte duckdb_decimal_scale(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial DuckDbTypeId duckdb_decimal_internal_type(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial nint duckdb_list_type_child_type(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial nint duckdb_map_type_key_type(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial nint duckdb_map_type_value_type(LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial ulong duckdb_struct_type_child_count(LogicalTypeHandle type);
    // Returns a string the caller must release with duckdb_free.
    [LibraryImport(Library)] internal static partial nint duckdb_struct_type_child_name(LogicalTypeHandle type, ulong index);
    [LibraryImport(Library)] internal static partial nint duckdb_struct_type_child_type(LogicalTypeHandle type, ulong index);

    [LibraryImport(Library)] internal static partial void duckdb_destroy_data_chunk(ref nint chunk);
    [LibraryImport(Library)] internal static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);
    [LibraryImport(Library)] internal static partial ulong duckdb_data_chunk_get_column_count(DataChunkHandle chunk);
    [LibraryImport(Library)] internal static partial nint duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);
    [LibraryImport(Library)] internal static partial void* duckdb_vector_get_data(nint vector);
    [LibraryImport(Library)] internal static partial ulong* duckdb_vector_get_validity(nint vector);
    [LibraryImport(Library)] internal static partial nint duckdb_list_vector_get_child(nint vector);
    [LibraryImport(Library)] internal static partial ulong duckdb_list_vector_get_size(nint vector);
    [LibraryImport(Library)] internal static partial nint duckdb_struct_vector_get_child(nint vector, ulong index);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out nint appender);
    [LibraryImport(Library)] internal static partial nint duckdb_appender_error(AppenderHandle appender);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_appender_end_row(AppenderHandle appender);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_appender_flush(AppenderHandle appender);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_appender_close(AppenderHandle appender);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_appender_destroy(ref nint appender);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_null(AppenderHandle a);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_bool(AppenderHandle a, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_int32(AppenderHandle a, int value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_int64(AppenderHandle a, long value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_double(AppenderHandle a, double value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_date(AppenderHandle a, int days);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_timestamp(AppenderHandle a, long micros);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_varchar_length(AppenderHandle a, byte* utf8, ulong length);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_blob(AppenderHandle a, byte* data, ulong length);

    // ---- Planner: a prepared statement's output columns (learned without running it) ----
    [LibraryImport(Library)] internal static partial ulong duckdb_prepared_statement_column_count(PreparedStatementHandle statement);
    // Returns a string the caller must release with duckdb_free.
    [LibraryImport(Library)] internal static partial nint duckdb_prepared_statement_column_name(PreparedStatementHandle statement, ulong column);
    // Returns a logical type the caller must destroy (DuckDbLogicalType.FromNative does).
    [LibraryImport(Library)] internal static partial nint duckdb_prepared_statement_column_logical_type(PreparedStatementHandle statement, ulong column);

    // --- Appender additions for the local server's data loading (CreateTable, LocalRelation): the
    // remaining fixed-width types, so each C# / Arrow value is appended without a text round trip.
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_int8(AppenderHandle a, sbyte value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_int16(AppenderHandle a, short value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_float(AppenderHandle a, float value);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_interval(AppenderHandle a, DuckDbInterval value);
    // --- Nested values (LIST/STRUCT/MAP) for the data loaders: logical types are built from a managed
    // description, values are created bottom-up (composites copy their children, so every value is
    // destroyed by its creator) and appended with duckdb_append_value, which casts to the column type.
    // The create functions return NULL on bad input (e.g. a NULL values pointer, even for zero entries).
    [LibraryImport(Library)] internal static partial nint duckdb_create_logical_type(DuckDbTypeId type);
    [LibraryImport(Library)] internal static partial nint duckdb_create_decimal_type(byte width, byte scale);
    [LibraryImport(Library)] internal static partial nint duckdb_create_list_type(LogicalTypeHandle child);
    [LibraryImport(Library)] internal static partial nint duckdb_create_map_type(LogicalTypeHandle key, LogicalTypeHandle value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_struct_type(nint* memberTypes, nint* memberNames, ulong memberCount);
    [LibraryImport(Library)] internal static partial void duckdb_destroy_value(ref nint value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_null_value();
    [LibraryImport(Library)] internal static partial nint duckdb_create_bool([MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_int8(sbyte value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_int16(short value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_int32(int value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_int64(long value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_float(float value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_double(double value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_decimal(NativeDecimal value);
    // duckdb_date / duckdb_timestamp are one-field structs, passed like their int32 / int64.
    [LibraryImport(Library)] internal static partial nint duckdb_create_date(int days);
    [LibraryImport(Library)] internal static partial nint duckdb_create_timestamp(long micros);
    [LibraryImport(Library)] internal static partial nint duckdb_create_timestamp_tz(long micros);
    [LibraryImport(Library)] internal static partial nint duckdb_create_interval(DuckDbInterval value);
    [LibraryImport(Library)] internal static partial nint duckdb_create_varchar_length(byte* utf8, ulong length);
    [LibraryImport(Library)] internal static partial nint duckdb_create_blob(byte* data, ulong length);
    [LibraryImport(Library)] internal static partial nint duckdb_create_list_value(LogicalTypeHandle childType, nint* values, ulong count);
    [LibraryImport(Library)] internal static partial nint duckdb_create_struct_value(LogicalTypeHandle structType, nint* values);
    [LibraryImport(Library)] internal static partial nint duckdb_create_map_value(LogicalTypeHandle mapType, nint* keys, nint* values, ulong count);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_append_value(AppenderHandle a, ValueHandle value);

    // --- Statement kinds (the local engine's allow-list for user SQL): split a text into statements without
    // running anything, prepare one of them, and ask what kind it is. duckdb_prepared_statement_type must only
    // be called on a statement that prepared successfully (DuckDB 1.5.6 aborts the process otherwise).
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(ConnectionHandle connection, string query, out nint extracted);
    [LibraryImport(Library)] internal static partial nint duckdb_extract_statements_error(ExtractedStatementsHandle extracted);
    [LibraryImport(Library)] internal static partial void duckdb_destroy_extracted(ref nint extracted);
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(ConnectionHandle connection, ExtractedStatementsHandle extracted, ulong index, out nint statement);
    [LibraryImport(Library)] internal static partial DuckDbStatementType duckdb_prepared_statement_type(PreparedStatementHandle statement);
}
