using System.ComponentModel.DataAnnotations.Schema;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Data;

/// <summary>A column of a table built from C# objects: its name, DuckDB type, and how a property value is appended.</summary>
/// <remarks><paramref name="Owned"/> holds native types that nested columns build values with; dispose it after loading.</remarks>
internal sealed record ClrColumn(string Name, string SqlType, PropertyInfo Property, Action<DuckDbAppender, object> Append, IDisposable? Owned = null);

/// <summary>
/// Maps a C# type's public readable instance properties to table columns: <c>[Column("name")]</c> renames,
/// <c>[NotMapped]</c> skips, <c>[Column(TypeName = "decimal(p,s)")]</c> sets a decimal's precision and scale.
/// </summary>
internal static partial class ClrColumns
{
    internal static IReadOnlyList<ClrColumn> For(Type type)
    {
        var columns = new List<ClrColumn>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<NotMappedAttribute>() is not null)
                continue;
            var column = property.GetCustomAttribute<ColumnAttribute>();
            var name = string.IsNullOrEmpty(column?.Name) ? property.Name : column.Name;
            if (ClrNestedValues.IsNested(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType))
            {
                columns.Add(Nested(property, name));
                continue;
            }
            var (sqlType, append) = Map(property, column?.TypeName);
            columns.Add(new ClrColumn(name, sqlType, property, append));
        }
        if (columns.Count == 0)
            throw new ArgumentException($"{type.Name} has no public readable properties to make columns from.");
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{type.Name} maps more than one property to column '{duplicate.Key}' (column names are case-insensitive); rename one with [Column].");
        return columns;
    }

    private static ClrColumn Nested(PropertyInfo property, string name)
    {
        var converter = ClrNestedValues.For(property.PropertyType, name, $"Property {property.DeclaringType?.Name}.{property.Name}");
        return new ClrColumn(name, NestedTypes.Sql(converter.Type), property, (appender, value) =>
        {
            using var created = converter.Create(value);
            appender.AppendValue(created);
        }, converter);
    }

    private static (string SqlType, Action<DuckDbAppender, object> Append) Map(PropertyInfo property, string? typeName)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type.IsEnum)
            type = Enum.GetUnderlyingType(type);
        if (type == typeof(decimal))
            return (DecimalType(property, typeName), (a, v) => a.Append(((decimal)v).ToString(CultureInfo.InvariantCulture)));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => ("BOOLEAN", (a, v) => a.Append((bool)v)),
            TypeCode.SByte => ("TINYINT", (a, v) => a.Append(Convert.ToSByte(v, CultureInfo.InvariantCulture))),
            TypeCode.Int16 => ("SMALLINT", (a, v) => a.Append(Convert.ToInt16(v, CultureInfo.InvariantCulture))),
            TypeCode.Int32 => ("INTEGER", (a, v) => a.Append(Convert.ToInt32(v, CultureInfo.InvariantCulture))),
            TypeCode.Int64 => ("BIGINT", (a, v) => a.Append(Convert.ToInt64(v, CultureInfo.InvariantCulture))),
            // Spark has no unsigned types: each widens to the next signed one, ulong to decimal(20,0).
            TypeCode.Byte => ("SMALLINT", (a, v) => a.Append((short)Convert.ToByte(v, CultureInfo.InvariantCulture))),
            TypeCode.UInt16 => ("INTEGER", (a, v) => a.Append((int)Convert.ToUInt16(v, CultureInfo.InvariantCulture))),
            TypeCode.UInt32 => ("BIGINT", (a, v) => a.Append((long)Convert.ToUInt32(v, CultureInfo.InvariantCulture))),
            TypeCode.UInt64 => ("DECIMAL(20,0)", (a, v) => a.Append(Convert.ToUInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))),
            TypeCode.Single => ("FLOAT", (a, v) => a.Append((float)v)),
            TypeCode.Double => ("DOUBLE", (a, v) => a.Append((double)v)),
            TypeCode.String => ("VARCHAR", (a, v) => a.Append((string)v)),
            TypeCode.Char => ("VARCHAR", (a, v) => a.Append(((char)v).ToString())),
            TypeCode.DateTime => ("TIMESTAMP", (a, v) => a.Append((DateTime)v)),
            _ when type == typeof(DateTimeOffset) => ("TIMESTAMPTZ", (a, v) => a.AppendTimestampMicros(DuckDbTime.ToMicros(((DateTimeOffset)v).UtcDateTime))),
            _ when type == typeof(DateOnly) => ("DATE", (a, v) => a.Append((DateOnly)v)),
            _ when type == typeof(TimeSpan) => ("INTERVAL", (a, v) => a.Append(new DuckDbInterval(0, 0, ((TimeSpan)v).Ticks / TimeSpan.TicksPerMicrosecond))),
            _ when type == typeof(Guid) => ("VARCHAR", (a, v) => a.Append(((Guid)v).ToString())),
            _ when type == typeof(byte[]) => ("BLOB", (a, v) => a.Append((ReadOnlySpan<byte>)(byte[])v)),
            _ => throw new NotSupportedException(
                $"Property {property.DeclaringType?.Name}.{property.Name} has type {property.PropertyType.Name}, which has no table column type. " +
                "Supported: bool, integers, float, double, decimal, string, char, DateTime, DateTimeOffset, DateOnly, TimeSpan, Guid, enums, byte[] " +
                "(and their nullable forms), arrays and lists of them, classes/records (structs) and dictionaries (maps); mark other properties [NotMapped]."),
        };
    }

    private static string DecimalType(PropertyInfo property, string? typeName)
    {
        if (string.IsNullOrEmpty(typeName))
            return "DECIMAL(38,18)";
        var match = DecimalTypeName().Match(typeName);
        if (match.Success
            && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var precision)
            && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var scale)
            && precision is >= 1 and <= 38 && scale <= precision)
            return $"DECIMAL({precision},{scale})";
        throw new ArgumentException(
            $"Property {property.DeclaringType?.Name}.{property.Name} has [Column(TypeName = \"{typeName}\")]; a decimal column needs " +
            "\"decimal(p,s)\" with 1 ≤ p ≤ 38 and 0 ≤ s ≤ p.");
    }

    [GeneratedRegex(@"^\s*(?:decimal|numeric)\s*\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalTypeName();
}
