namespace Spark.Connect.Local.DuckDb;

/// <summary>Owns a <c>duckdb_scalar_function</c> until it is registered (DuckDB copies it).</summary>
internal sealed class ScalarFunctionHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_scalar_function(ref native);
}

/// <summary>
/// Registers scalar functions written in C#: a static <c>[UnmanagedCallersOnly]</c> method DuckDB calls once per
/// chunk of up to 2,048 rows, possibly from several threads at once, with every input flattened. It reads and
/// writes through <see cref="DuckDbScalarCall"/> and must never let an exception escape (report it with
/// <see cref="DuckDbScalarCall.Fail(string)"/>). DuckDB treats the function as deterministic (it may fold a call on
/// constants while planning) and does not skip NULL rows: the callback marks them.
/// </summary>
internal static unsafe class DuckDbScalarFunction
{
    /// <summary>
    /// Registers <paramref name="name"/>(<paramref name="parameters"/>) → <paramref name="returns"/> in the
    /// database's system catalog through <paramref name="connection"/>: every connection of the database sees it.
    /// Registering a name again replaces the function. With <paramref name="handlesNulls"/> DuckDB passes NULL inputs to
    /// the callback even when they are constants (a function whose answer for NULL is not NULL, such as a hash's seed).
    /// </summary>
    public static void Register(DuckDbConnection connection, string name, IReadOnlyList<DuckDbTypeId> parameters, DuckDbTypeId returns,
        delegate* unmanaged<nint, nint, nint, void> callback, bool handlesNulls = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(connection.Handle.IsClosed, connection);
        using var function = new ScalarFunctionHandle();
        var native = NativeMethods.duckdb_create_scalar_function();
        if (native == 0)
            throw new DuckDbException($"DuckDB could not create the scalar function {name}.");
        function.Adopt(native, parent: null);
        NativeMethods.duckdb_scalar_function_set_name(function, name);
        foreach (var parameter in parameters)
        {
            using var type = DuckDbTypeFactory.CreateNative(new DuckDbLogicalType { Id = parameter });
            NativeMethods.duckdb_scalar_function_add_parameter(function, type);
        }
        using (var type = DuckDbTypeFactory.CreateNative(new DuckDbLogicalType { Id = returns }))
            NativeMethods.duckdb_scalar_function_set_return_type(function, type);
        NativeMethods.duckdb_scalar_function_set_function(function, callback);
        if (handlesNulls)
            NativeMethods.duckdb_scalar_function_set_special_handling(function);
        if (NativeMethods.duckdb_register_scalar_function(connection.Handle, function) != DuckDbState.Success)
            throw new DuckDbException($"DuckDB could not register the scalar function {name}.");
    }
}
