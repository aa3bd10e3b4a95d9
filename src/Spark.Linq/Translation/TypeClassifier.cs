namespace Spark.Linq.Translation;

/// <summary>Sorts CLR types into what Spark stores them as: scalars, structs or collections.</summary>
internal static class TypeClassifier
{
    private static readonly HashSet<Type> Scalars =
    [
        typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal), typeof(string), typeof(char), typeof(DateTime), typeof(DateTimeOffset),
        typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid), typeof(byte[]),
    ];

    public static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public static bool IsScalar(Type type)
    {
        var t = Unwrap(type);
        return t.IsEnum || Scalars.Contains(t);
    }

    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    /// <summary>A type stored as a struct column: a class, record or struct with members, not a scalar or collection.</summary>
    public static bool IsStructured(Type type) =>
        !IsScalar(type) && !IsCollection(type) && (type.IsClass || (type.IsValueType && !type.IsPrimitive));

    public static bool IsCollection(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
