using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

// Scalar functions implemented in C# (duckdb.h, "Scalar Functions"). A function is built, registered on a
// connection (DuckDB copies it into the database's system catalog, so every connection sees it) and then
// destroyed. During a call DuckDB passes raw pointers it owns for that call: the function info, the input
// chunk and the output vector, hence the nint overloads of the chunk and vector accessors.
#pragma warning disable IDE1006 // the C names are kept so each import can be checked against duckdb.h
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial nint duckdb_create_scalar_function();
    [LibraryImport(Library)] internal static partial void duckdb_destroy_scalar_function(ref nint function);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void duckdb_scalar_function_set_name(ScalarFunctionHandle function, string name);
    [LibraryImport(Library)] internal static partial void duckdb_scalar_function_add_parameter(ScalarFunctionHandle function, LogicalTypeHandle type);
    [LibraryImport(Library)] internal static partial void duckdb_scalar_function_set_return_type(ScalarFunctionHandle function, LogicalTypeHandle type);
    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_set_function(ScalarFunctionHandle function, delegate* unmanaged<nint, nint, nint, void> callback);
    [LibraryImport(Library)] internal static partial DuckDbState duckdb_register_scalar_function(ConnectionHandle connection, ScalarFunctionHandle function);
    // Calls the function for NULL inputs too (otherwise DuckDB may fold a call on a constant NULL to NULL).
    [LibraryImport(Library)] internal static partial void duckdb_scalar_function_set_special_handling(ScalarFunctionHandle function);

    // ---- Inside a call ----
    // Copies the message; DuckDB then fails the statement with an "Invalid Input Error" carrying it.
    [LibraryImport(Library)] internal static partial void duckdb_scalar_function_set_error(nint info, byte* message);
    [LibraryImport(Library)] internal static partial ulong duckdb_data_chunk_get_size(nint chunk);
    [LibraryImport(Library)] internal static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);
    [LibraryImport(Library)] internal static partial void duckdb_vector_ensure_validity_writable(nint vector);
    // Copies the bytes into the vector's own string storage.
    [LibraryImport(Library)] internal static partial void duckdb_vector_assign_string_element_len(nint vector, ulong index, byte* text, ulong length);
}
