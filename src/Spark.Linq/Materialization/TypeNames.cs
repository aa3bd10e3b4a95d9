namespace Spark.Linq.Materialization;

/// <summary>C#-style type names for messages (<c>int?</c>, <c>List&lt;string&gt;</c>) and the shape classification the binder uses.</summary>
internal static class TypeNames
{
    internal static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Of(underlying) + "?";
        if (type.IsArray)
            return Of(type.GetElementType()!) + "[]";
        if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            return (tick > 0 ? name[..tick] : name) + "<" + string.Join(", ", type.GetGenericArguments().Select(Of)) + ">";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Int16 => "short",
            TypeCode.SByte => "sbyte",
            TypeCode.Byte => "byte",
            TypeCode.Double => "double",
            TypeCode.Single => "float",
            TypeCode.Decimal => "decimal",
            TypeCode.Boolean => "bool",
            TypeCode.String => "string",
            TypeCode.Char => "char",
            _ => type.Name,
        };
    }

    /// <summary>Types read from one column as a whole value (not bound member by member).</summary>
    internal static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
               || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid)
               || type == typeof(byte[]);
    }

    /// <summary>The element type when <paramref name="type"/> is an array, <c>List&lt;T&gt;</c> or a list interface it implements.</summary>
    internal static Type? ListElement(Type type)
    {
        if (type == typeof(byte[]) || type == typeof(string))
            return null;
        if (type.IsArray && type.GetArrayRank() == 1)
            return type.GetElementType();
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
               || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>(key, value) types when <paramref name="type"/> is <c>Dictionary&lt;K,V&gt;</c> or a dictionary interface it implements.</summary>
    internal static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Dictionary<,>) && definition != typeof(IDictionary<,>) && definition != typeof(IReadOnlyDictionary<,>))
            return null;
        var arguments = type.GetGenericArguments();
        return (arguments[0], arguments[1]);
    }

    internal static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    internal static bool IsTuple(Type type)
    {
        if (!type.IsGenericType)
            return false;
        var name = type.GetGenericTypeDefinition().FullName ?? "";
        return name.StartsWith("System.ValueTuple`", StringComparison.Ordinal) || name.StartsWith("System.Tuple`", StringComparison.Ordinal);
    }

    /// <summary>C# anonymous types: compiler-generated, named <c>&lt;&gt;f__AnonymousType…</c>.</summary>
    internal static bool IsAnonymous(Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)
        && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
}
