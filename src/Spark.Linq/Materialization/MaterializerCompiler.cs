using System.Linq.Expressions;
using System.Reflection;
using Spark.Connect.Arrow;
using Spark.Linq.Mapping;

namespace Spark.Linq.Materialization;

/// <summary>
/// Generates the code that reads a record batch of one schema into objects of one CLR type. The
/// generated code has a prologue, run once per batch, that casts every column (nested ones
/// included) to its typed class into a local, and a per-row expression that only calls the small
/// reads of <see cref="ColumnReads"/> and the typed columns' accessors on those locals: no
/// reflection, boxing or intermediate row objects per row.
/// </summary>
internal sealed partial class MaterializerCompiler
{
    private readonly ColumnNamingPolicy _naming;
    private readonly bool _pooledArrays;
    private readonly List<ParameterExpression> _columns = [];
    private readonly List<Expression> _prologue = [];
    private readonly List<Expression> _epilogue = [];

    /// <param name="naming">How member names become column names.</param>
    /// <param name="pooledArrays">
    /// Copy flat columns into pooled arrays per batch (the whole-batch path, which knows when the
    /// batch is done and can return them); otherwise read through the typed columns' accessors.
    /// </param>
    private MaterializerCompiler(ColumnNamingPolicy naming, bool pooledArrays) => (_naming, _pooledArrays) = (naming, pooledArrays);

    /// <summary>A group of sibling columns: the top-level ones, or a struct's members.</summary>
    private sealed record ColumnSet(IReadOnlyList<ArrowField> Fields, Func<int, Expression> ColumnAt, string Prefix)
    {
        public ColumnSet Skip(int count) => new(Fields.Skip(count).ToList(), i => ColumnAt(i + count), Prefix);

        public string Describe() => Fields.Count == 0 ? "(none)" : string.Join(", ", Fields.Select(f => $"{Prefix}{f.Name} ({f.Type})"));
    }

    internal static (Action<RecordBatch, List<T>> Append, Func<RecordBatch, Func<int, T>> Rows) Compile<T>(ArrowSchema schema, ColumnNamingPolicy naming)
    {
        var batch = Expression.Parameter(typeof(RecordBatch), "batch");
        var row = Expression.Parameter(typeof(int), "row");
        var columnAt = typeof(ColumnReads).GetMethod(nameof(ColumnReads.Column), BindingFlags.Static | BindingFlags.NonPublic)!;
        var top = new ColumnSet(schema.Fields, i => Expression.Call(columnAt, batch, Expression.Constant(i)), "");
        var compiler = new MaterializerCompiler(naming, pooledArrays: true);
        var value = compiler.ReadRow(typeof(T), top, row);
        var streaming = new MaterializerCompiler(naming, pooledArrays: false);
        var rowValue = streaming.ReadRow(typeof(T), top, row);

        var results = Expression.Parameter(typeof(List<T>), "results");
        var append = compiler.AppendLoop<T>(batch, row, results, value);
        var rows = Expression.Block(streaming._columns, streaming._prologue.Append(Expression.Lambda<Func<int, T>>(rowValue, row)));
        return (Expression.Lambda<Action<RecordBatch, List<T>>>(append, batch, results).Compile(),
            Expression.Lambda<Func<RecordBatch, Func<int, T>>>(rows, batch).Compile());
    }

    /// <summary>
    /// The whole-batch loop: the prologue (columns cast, pooled arrays filled), then <paramref name="value"/> for
    /// each row appended to <paramref name="results"/>, and the epilogue (arrays returned) whatever happens.
    /// </summary>
    private BlockExpression AppendLoop<T>(ParameterExpression batch, ParameterExpression row, ParameterExpression results, Expression value)
    {
        var length = Expression.Variable(typeof(int), "length");
        var done = Expression.Label("done");
        return Expression.Block(
            _columns.Append(row).Append(length),
            Expression.TryFinally(Expression.Block(_prologue.Concat([
                Expression.Assign(length, Expression.Property(batch, nameof(RecordBatch.Length))),
                Expression.Call(results, nameof(List<T>.EnsureCapacity), null, Expression.Add(Expression.Property(results, nameof(List<T>.Count)), length)),
                Expression.Assign(row, Expression.Constant(0)),
                Expression.Loop(
                    Expression.IfThenElse(
                        Expression.LessThan(row, length),
                        Expression.Block(Expression.Call(results, nameof(List<T>.Add), null, value), Expression.PreIncrementAssign(row)),
                        Expression.Break(done)),
                    done),
            ])), Expression.Block(typeof(void), _epilogue.Append(Expression.Empty()))));
    }

    /// <summary>A whole result row: scalars and collections from the first column, objects member by member.</summary>
    private Expression ReadRow(Type target, ColumnSet top, Expression row)
    {
        if (IsWholeValue(target) || ReadsFromSingleStruct(target, top))
        {
            if (top.Fields.Count == 0)
                throw new SparkMaterializationException($"The result has no columns, so there is nothing to read as {TypeNames.Of(target)}.");
            return ReadValue(target, top.Fields[0], top.ColumnAt(0), top.Fields[0].Name, row);
        }
        return ReadObject(target, top, row);
    }

    private static bool IsWholeValue(Type type) =>
        TypeNames.IsLeaf(type) || TypeNames.ListElement(type) is not null || TypeNames.DictionaryTypes(type) is not null;

    /// <summary>
    /// <c>Select(o => o.ShipTo)</c> returns one struct column: read the object from its members when
    /// none of the object's own column names is among the top-level columns.
    /// </summary>
    private bool ReadsFromSingleStruct(Type target, ColumnSet top)
    {
        if (top.Fields.Count != 1 || top.Fields[0].Type.Id != ArrowTypeId.Struct || TypeNames.IsTuple(target))
            return false;
        var names = TypeNames.IsAnonymous(target)
            ? target.GetConstructors()[0].GetParameters().Select(p => p.Name!)
            : EntityMapping.For(Nullable.GetUnderlyingType(target) ?? target, _naming).Members.Select(m => m.ColumnName);
        return !names.Any(n => FindColumn(top, n) >= 0);
    }

    /// <summary>Reads one column's value at <paramref name="row"/> as <paramref name="target"/>, nulls included.</summary>
    private Expression ReadValue(Type target, ArrowField field, Expression untypedColumn, string path, Expression row)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        var columnClass = LeafReads.ColumnClass(field.Type) ?? throw Mismatch(path, target, field, "the materializer does not read this Arrow type");
        Expression? value = null;
        ParameterExpression column;
        switch (field.Type.Id)
        {
            case ArrowTypeId.Null:
                column = Bind(columnClass, untypedColumn, path);
                value = Expression.Default(underlying);
                break;
            case ArrowTypeId.Struct when !IsWholeValue(underlying):
                column = Bind(columnClass, untypedColumn, path);
                var childAt = typeof(ColumnReads).GetMethod(nameof(ColumnReads.Child), BindingFlags.Static | BindingFlags.NonPublic)!;
                var local = column;
                value = ReadObject(underlying, new ColumnSet(field.Children, i => Expression.Call(childAt, local, Expression.Constant(i)), path + "."), row);
                break;
            case ArrowTypeId.List or ArrowTypeId.LargeList when TypeNames.ListElement(underlying) is { } element:
                column = Bind(columnClass, untypedColumn, path);
                value = ReadList(underlying, element, column, field.Children[0], path, row);
                break;
            case ArrowTypeId.Dictionary:
                column = Bind(columnClass, untypedColumn, path);
                value = ReadDictionaryEntry(target, column, field, path, row);
                break;
            case ArrowTypeId.Map when TypeNames.DictionaryTypes(underlying) is { } entry:
                column = Bind(columnClass, untypedColumn, path);
                value = ReadMap(underlying, entry.Key, entry.Value, column, field.Children[0], path, row);
                break;
            default:
            {
                column = Bind(columnClass, untypedColumn, path);
                var (raw, isNull) = _pooledArrays && PooledRead(field.Type, column, path, row) is { } pooled
                    ? pooled
                    : (AccessorRead(field.Type, column, row), Expression.Call(column, nameof(ArrowColumn.IsNull), null, row));
                value = LeafReads.Read(underlying, field.Type, raw, row, path);
                if (value is null)
                    throw Mismatch(path, target, field, null);
                return WithNullCheck(target, isNull, value, path, row);
            }
        }
        if (value is null)
            throw Mismatch(path, target, field, null);
        return WithNullCheck(target, Expression.Call(column, nameof(ArrowColumn.IsNull), null, row), value, path, row);
    }

    /// <summary>
    /// A dictionary-encoded column's value: its dictionary entry, read with the same rules as a column of the value
    /// type (errors there name the entry, not the row). The caller adds the row's own null check (a null index).
    /// </summary>
    private Expression ReadDictionaryEntry(Type target, ParameterExpression column, ArrowField field, string path, Expression row)
    {
        var entry = Expression.Variable(typeof(int), "entry");
        var valueField = new ArrowField(field.Name, field.Type.ValueType!, nullable: true, field.Children);
        var read = ReadValue(target, valueField, Expression.Property(column, nameof(DictionaryColumn.Dictionary)), path, entry);
        return Expression.Block(read.Type, [entry],
            Expression.Assign(entry, Expression.Call(column, nameof(DictionaryColumn.GetIndex), null, row)),
            read);
    }

    private static Expression WithNullCheck(Type target, Expression isNull, Expression value, string path, Expression row)
    {
        if (TypeNames.CanBeNull(target))
            return Expression.Condition(isNull, Expression.Default(target), value.Type == target ? value : Expression.Convert(value, target));
        var fail = typeof(ColumnReads).GetMethod(nameof(ColumnReads.NullForValueType), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(target);
        return Expression.Condition(isNull, Expression.Call(fail, Expression.Constant(path), row), value);
    }

    /// <summary>The stored value of a present row through the typed column's accessor.</summary>
    private static Expression AccessorRead(ArrowType type, ParameterExpression column, Expression row) => type.Id switch
    {
        ArrowTypeId.Decimal128 => Expression.Call(column, nameof(Decimal128Column.GetUnscaled), null, row),
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => Expression.Call(Reads(nameof(ColumnReads.Utf8)), column, row),
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => Expression.Call(Reads(nameof(ColumnReads.Bytes)), column, row),
        _ => Expression.Call(column, "GetValue", null, row),
    };

    /// <summary>(stored value, is-null) read from per-batch pooled copies, or null for columns read through accessors.</summary>
    private (Expression Raw, Expression IsNull)? PooledRead(ArrowType type, ParameterExpression column, string path, Expression row)
    {
        Expression raw;
        if (type.Id == ArrowTypeId.Decimal128)
        {
            raw = Expression.ArrayIndex(Rent(typeof(Int128), nameof(ColumnArrays.Unscaled), column, path), row);
        }
        else if (type.Id == ArrowTypeId.Utf8)
        {
            var offsets = Rent(typeof(int), nameof(ColumnArrays.Offsets), column, path);
            var data = Rent(typeof(byte), nameof(ColumnArrays.Data), column, path);
            raw = Expression.Call(Arrays(nameof(ColumnArrays.Utf8)), data, offsets, row);
        }
        else if (PrimitiveValueType(column.Type) is { } valueType && type.Id != ArrowTypeId.Boolean)
        {
            raw = Expression.ArrayIndex(Rent(valueType, nameof(ColumnArrays.Values), column, path), row);
        }
        else
        {
            return null;
        }
        var validity = Rent(typeof(byte), nameof(ColumnArrays.Validity), column, path);
        return (raw, Expression.Call(Arrays(nameof(ColumnArrays.IsNull)), validity, row));
    }

    private static Type? PrimitiveValueType(Type columnClass)
    {
        for (var type = columnClass; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PrimitiveColumn<>))
                return type.GetGenericArguments()[0];
        }
        return null;
    }

    /// <summary>A local array filled in the prologue by <c>ColumnArrays.{factory}</c> and returned to the pool in the epilogue.</summary>
    private ParameterExpression Rent(Type element, string factory, ParameterExpression column, string path)
    {
        var method = Arrays(factory);
        if (method.IsGenericMethodDefinition)
            method = method.MakeGenericMethod(element);
        var local = Expression.Variable(element.MakeArrayType(), path + "." + factory);
        _columns.Add(local);
        _prologue.Add(Expression.Assign(local, Expression.Call(method, column)));
        _epilogue.Add(Expression.Call(Arrays(nameof(ColumnArrays.Return)).MakeGenericMethod(element), local));
        return local;
    }

    private static MethodInfo Reads(string name) => typeof(ColumnReads).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;

    private static MethodInfo Arrays(string name) => typeof(ColumnArrays).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>Declares a local holding the column cast to its typed class, assigned in the per-batch prologue.</summary>
    private ParameterExpression Bind(Type columnClass, Expression untypedColumn, string path)
    {
        var local = Expression.Variable(columnClass, path);
        _columns.Add(local);
        _prologue.Add(Expression.Assign(local, Expression.Convert(untypedColumn, columnClass)));
        return local;
    }

    /// <summary>Index of the column named <paramref name="name"/>: exact match first, else a unique case-insensitive one (Spark resolves names case-insensitively).</summary>
    private static int FindColumn(ColumnSet set, string name)
    {
        for (var i = 0; i < set.Fields.Count; i++)
        {
            if (string.Equals(set.Fields[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        var found = -1;
        for (var i = 0; i < set.Fields.Count; i++)
        {
            if (!string.Equals(set.Fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (found >= 0)
                return -1;
            found = i;
        }
        return found;
    }

    private static SparkMaterializationException Mismatch(string path, Type target, ArrowField field, string? reason) =>
        new($"Column '{path}' is {field.Type} in the result and can't be read as {TypeNames.Of(target)}" +
            (reason is null ? "" : $": {reason}") +
            ". Change the member's type to one that matches the column, or cast the column in the query.", path);

    private static SparkMaterializationException Missing(ColumnSet set, string column, Type owner, string member) =>
        new($"The result has no column '{set.Prefix}{column}' for {TypeNames.Of(owner)}.{member}. Columns that arrived: {set.Describe()}. " +
            "Select that member in the query, or mark it [NotMapped].", set.Prefix + column);
}
