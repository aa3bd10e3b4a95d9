using System.Collections;
using System.ComponentModel.DataAnnotations.Schema;
using System.Globalization;
using System.Reflection;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Data;

/// <summary>
/// Turns C# values of one member type into DuckDB values: scalars, lists (<c>T[]</c>, <c>List&lt;T&gt;</c>, any
/// <c>IEnumerable&lt;T&gt;</c>), structs (classes/records, by public properties) and maps (dictionaries).
/// Owns the native types it needs to build composites; dispose after loading.
/// </summary>
internal abstract class ClrValueConverter : IDisposable
{
    protected ClrValueConverter(DuckDbLogicalType type) => Type = type;

    public DuckDbLogicalType Type { get; }

    /// <summary>The value for <paramref name="value"/> (NULL when null); the caller disposes it.</summary>
    public ValueHandle Create(object? value) => value is null ? DuckDbValues.Null() : CreateNotNull(value);

    protected abstract ValueHandle CreateNotNull(object value);

    public virtual void Dispose() { }

    /// <summary>Creates every value, then the composite; children are disposed once the composite holds copies.</summary>
    protected static ValueHandle Compose(Func<List<ValueHandle>, ValueHandle> build)
    {
        var children = new List<ValueHandle>();
        try
        {
            return build(children);
        }
        finally
        {
            foreach (var child in children)
                child.Dispose();
        }
    }
}

internal sealed class ClrScalarConverter(DuckDbLogicalType type, Func<object, ValueHandle> create) : ClrValueConverter(type)
{
    protected override ValueHandle CreateNotNull(object value) => create(value);
}

internal sealed class ClrListConverter : ClrValueConverter
{
    private readonly ClrValueConverter _element;
    private readonly LogicalTypeHandle _elementType;

    public ClrListConverter(ClrValueConverter element) : base(NestedTypes.List(element.Type))
    {
        _element = element;
        _elementType = DuckDbTypeFactory.CreateNative(element.Type);
    }

    protected override ValueHandle CreateNotNull(object value) => Compose(elements =>
    {
        foreach (var element in (IEnumerable)value)
            elements.Add(_element.Create(element));
        return DuckDbValues.List(_elementType, elements);
    });

    public override void Dispose()
    {
        _elementType.Dispose();
        _element.Dispose();
    }
}

internal sealed class ClrStructConverter : ClrValueConverter
{
    private readonly (PropertyInfo Property, ClrValueConverter Converter)[] _fields;
    private readonly LogicalTypeHandle _native;

    public ClrStructConverter(IReadOnlyList<(string Name, PropertyInfo Property, ClrValueConverter Converter)> fields)
        : base(NestedTypes.Struct([.. fields.Select(f => new DuckDbStructField(f.Name, f.Converter.Type))]))
    {
        _fields = [.. fields.Select(f => (f.Property, f.Converter))];
        _native = DuckDbTypeFactory.CreateNative(Type);
    }

    protected override ValueHandle CreateNotNull(object value) => Compose(values =>
    {
        foreach (var (property, converter) in _fields)
            values.Add(converter.Create(property.GetValue(value)));
        return DuckDbValues.Struct(_native, values);
    });

    public override void Dispose()
    {
        _native.Dispose();
        foreach (var field in _fields)
            field.Converter.Dispose();
    }
}

internal sealed class ClrMapConverter : ClrValueConverter
{
    private readonly ClrValueConverter _key;
    private readonly ClrValueConverter _value;
    private readonly PropertyInfo _entryKey;
    private readonly PropertyInfo _entryValue;
    private readonly string _column;
    private readonly LogicalTypeHandle _native;

    public ClrMapConverter(Type entryType, ClrValueConverter key, ClrValueConverter value, string column)
        : base(NestedTypes.Map(key.Type, value.Type))
    {
        (_key, _value, _column) = (key, value, column);
        _entryKey = entryType.GetProperty("Key")!;
        _entryValue = entryType.GetProperty("Value")!;
        _native = DuckDbTypeFactory.CreateNative(Type);
    }

    protected override ValueHandle CreateNotNull(object value)
    {
        var keys = new List<ValueHandle>();
        try
        {
            return Compose(values =>
            {
                foreach (var entry in (IEnumerable)value)
                {
                    var key = _entryKey.GetValue(entry)
                        ?? throw new ArgumentException($"A map in column '{_column}' has a null key; Spark map keys cannot be null.");
                    keys.Add(_key.Create(key));
                    values.Add(_value.Create(_entryValue.GetValue(entry)));
                }
                return DuckDbValues.Map(_native, keys, values);
            });
        }
        finally
        {
            foreach (var key in keys)
                key.Dispose();
        }
    }

    public override void Dispose()
    {
        _native.Dispose();
        _key.Dispose();
        _value.Dispose();
    }
}

/// <summary>Chooses the converter for a member type; recursive types are rejected rather than expanded forever.</summary>
internal static class ClrNestedValues
{
    /// <summary>Whether <paramref name="type"/> maps to LIST, STRUCT or MAP (rather than a scalar column).</summary>
    public static bool IsNested(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && (ElementType(type) is not null || MapTypes(type) is not null || IsStruct(type));

    public static ClrValueConverter For(Type type, string column, string member) => For(type, column, member, []);

    private static ClrValueConverter For(Type type, string column, string member, HashSet<Type> enclosing)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type != typeof(byte[]))
        {
            if (MapTypes(type) is { } map)
                return new ClrMapConverter(map.Entry, For(map.Key, column, member, enclosing), For(map.Value, column, member, enclosing), column);
            if (ElementType(type) is { } element)
                return new ClrListConverter(For(element, column, member, enclosing));
            if (IsStruct(type))
                return StructConverter(type, column, member, enclosing);
        }
        return Scalar(type, member);
    }

    private static ClrValueConverter StructConverter(Type type, string column, string member, HashSet<Type> enclosing)
    {
        if (!enclosing.Add(type))
            throw new NotSupportedException($"{member} contains {type.Name} inside itself; recursive types cannot be table columns. Mark the member [NotMapped].");
        var fields = new List<(string, PropertyInfo, ClrValueConverter)>();
        try
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<NotMappedAttribute>() is not null)
                    continue;
                var name = property.GetCustomAttribute<ColumnAttribute>()?.Name is { Length: > 0 } renamed ? renamed : property.Name;
                fields.Add((name, property, For(property.PropertyType, column, $"{type.Name}.{property.Name}", enclosing)));
            }
            if (fields.Count == 0)
                throw new NotSupportedException($"{member} has type {type.Name}, which has no public readable properties to make struct fields from.");
            var duplicate = fields.GroupBy(f => f.Item1, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new ArgumentException($"{type.Name} maps more than one property to field '{duplicate.Key}' (names are case-insensitive); rename one with [Column].");
            return new ClrStructConverter(fields);
        }
        catch
        {
            foreach (var field in fields)
                field.Item3.Dispose();
            throw;
        }
        finally
        {
            enclosing.Remove(type);
        }
    }

    // Own classes, records and record structs expand into STRUCTs; framework types (System.*: object, Type,
    // Uri, TimeOnly, ...) never do, so they fail as unsupported instead of exposing their internals.
    private static bool IsStruct(Type type) =>
        (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum))
        && !type.IsArray && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(Delegate).IsAssignableFrom(type)
        && !(type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)));

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetArrayRank() == 1 ? type.GetElementType() : null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static (Type Key, Type Value, Type Entry)? MapTypes(Type type)
    {
        var dictionary = new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is null)
            return null;
        var arguments = dictionary.GetGenericArguments();
        return (arguments[0], arguments[1], typeof(KeyValuePair<,>).MakeGenericType(arguments));
    }

    private static ClrValueConverter Scalar(Type type, string member)
    {
        if (type.IsEnum)
            type = Enum.GetUnderlyingType(type);
        var c = CultureInfo.InvariantCulture;
        ClrScalarConverter Of(DuckDbTypeId id, Func<object, ValueHandle> create) => new(NestedTypes.Scalar(id), create);
        if (type == typeof(decimal))
            return new ClrScalarConverter(NestedTypes.Decimal(38, 18), v => DuckDbValues.Decimal(38, 18, NestedTypes.Unscale((decimal)v, 38, 18, member)));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => Of(DuckDbTypeId.Boolean, v => DuckDbValues.Bool((bool)v)),
            TypeCode.SByte => Of(DuckDbTypeId.TinyInt, v => DuckDbValues.Int8(Convert.ToSByte(v, c))),
            TypeCode.Int16 => Of(DuckDbTypeId.SmallInt, v => DuckDbValues.Int16(Convert.ToInt16(v, c))),
            TypeCode.Int32 => Of(DuckDbTypeId.Integer, v => DuckDbValues.Int32(Convert.ToInt32(v, c))),
            TypeCode.Int64 => Of(DuckDbTypeId.BigInt, v => DuckDbValues.Int64(Convert.ToInt64(v, c))),
            TypeCode.Byte => Of(DuckDbTypeId.SmallInt, v => DuckDbValues.Int16(Convert.ToByte(v, c))),
            TypeCode.UInt16 => Of(DuckDbTypeId.Integer, v => DuckDbValues.Int32(Convert.ToUInt16(v, c))),
            TypeCode.UInt32 => Of(DuckDbTypeId.BigInt, v => DuckDbValues.Int64(Convert.ToUInt32(v, c))),
            TypeCode.UInt64 => new ClrScalarConverter(NestedTypes.Decimal(20, 0), v => DuckDbValues.Decimal(20, 0, Convert.ToUInt64(v, c))),
            TypeCode.Single => Of(DuckDbTypeId.Float, v => DuckDbValues.Float((float)v)),
            TypeCode.Double => Of(DuckDbTypeId.Double, v => DuckDbValues.Double((double)v)),
            TypeCode.String => Of(DuckDbTypeId.Varchar, v => DuckDbValues.Varchar((string)v)),
            TypeCode.Char => Of(DuckDbTypeId.Varchar, v => DuckDbValues.Varchar(((char)v).ToString())),
            TypeCode.DateTime => Of(DuckDbTypeId.Timestamp, v => DuckDbValues.Timestamp(DuckDbTime.ToMicros((DateTime)v))),
            _ when type == typeof(DateTimeOffset) => Of(DuckDbTypeId.TimestampTz, v => DuckDbValues.TimestampTz(DuckDbTime.ToMicros(((DateTimeOffset)v).UtcDateTime))),
            _ when type == typeof(DateOnly) => Of(DuckDbTypeId.Date, v => DuckDbValues.Date(((DateOnly)v).DayNumber - DuckDbTime.EpochDayNumber)),
            _ when type == typeof(TimeSpan) => Of(DuckDbTypeId.Interval, v => DuckDbValues.Interval(new DuckDbInterval(0, 0, ((TimeSpan)v).Ticks / TimeSpan.TicksPerMicrosecond))),
            _ when type == typeof(Guid) => Of(DuckDbTypeId.Varchar, v => DuckDbValues.Varchar(((Guid)v).ToString())),
            _ when type == typeof(byte[]) => Of(DuckDbTypeId.Blob, v => DuckDbValues.Blob((byte[])v)),
            _ => throw new NotSupportedException(
                $"{member} has element or field type {type.Name}, which has no column type. Supported inside lists, structs and maps: " +
                "the scalar column types, arrays/lists, classes/records with public properties, and dictionaries."),
        };
    }
}
