using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>Builds native <c>duckdb_logical_type</c>s from managed <see cref="DuckDbLogicalType"/> descriptions.</summary>
internal static unsafe class DuckDbTypeFactory
{
    /// <summary>Creates the native type; the caller disposes the handle.</summary>
    public static LogicalTypeHandle CreateNative(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbTypeId.Decimal => Own(NativeMethods.duckdb_create_decimal_type(type.DecimalWidth, type.DecimalScale), type),
        DuckDbTypeId.List => WithChildren([type.ListChild!], c => NativeMethods.duckdb_create_list_type(c[0]), type),
        DuckDbTypeId.Map => WithChildren([type.MapKey!, type.MapValue!], c => NativeMethods.duckdb_create_map_type(c[0], c[1]), type),
        DuckDbTypeId.Struct => CreateStruct(type),
        _ => Own(NativeMethods.duckdb_create_logical_type(type.Id), type),
    };

    private static LogicalTypeHandle WithChildren(DuckDbLogicalType[] children, Func<LogicalTypeHandle[], nint> create, DuckDbLogicalType type)
    {
        var handles = new List<LogicalTypeHandle>(children.Length);
        try
        {
            foreach (var child in children)
                handles.Add(CreateNative(child));
            return Own(create([.. handles]), type);
        }
        finally
        {
            foreach (var handle in handles)
                handle.Dispose();
        }
    }

    private static LogicalTypeHandle CreateStruct(DuckDbLogicalType type)
    {
        var fields = type.StructFields;
        var handles = new List<LogicalTypeHandle>(fields.Count);
        var names = new nint[Math.Max(fields.Count, 1)];
        try
        {
            for (var i = 0; i < fields.Count; i++)
            {
                handles.Add(CreateNative(fields[i].Type));
                names[i] = Marshal.StringToCoTaskMemUTF8(fields[i].Name);
            }
            var types = new nint[Math.Max(fields.Count, 1)];
            for (var i = 0; i < handles.Count; i++)
                types[i] = handles[i].DangerousGetHandle();
            fixed (nint* t = types)
            fixed (nint* n = names)
            {
                var created = NativeMethods.duckdb_create_struct_type(t, n, (ulong)fields.Count);
                GC.KeepAlive(handles);
                return Own(created, type);
            }
        }
        finally
        {
            foreach (var handle in handles)
                handle.Dispose();
            foreach (var name in names)
                Marshal.FreeCoTaskMem(name);
        }
    }

    private static LogicalTypeHandle Own(nint native, DuckDbLogicalType type)
    {
        if (native == 0)
            throw new DuckDbException($"DuckDB could not create the type {type}.");
        var handle = new LogicalTypeHandle();
        handle.Adopt(native, parent: null);
        return handle;
    }
}
