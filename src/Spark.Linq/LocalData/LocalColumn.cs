using System.ComponentModel.DataAnnotations.Schema;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Spark.Connect.Arrow;
using Spark.Linq.Mapping;
using Spark.Linq.Materialization;
using Spark.Linq.Translation;

namespace Spark.Linq.LocalData;

/// <summary>
/// One column (or nested member) of local data: it first sees every value (<see cref="Observe"/>, so
/// data-dependent types such as a decimal's scale can be chosen), then describes its Arrow field and
/// appends the values. A tree of these is built per CreateDataFrame call; member getters are cached.
/// </summary>
internal abstract class LocalColumn(Type clrType, string path)
{
    private static readonly ConcurrentDictionary<MemberInfo, Func<object, object?>> Getters = new();

    /// <summary>The member path for error messages, e.g. <c>Order.Lines[].Price</c>.</summary>
    public string Path { get; } = path;

    public bool Nullable { get; } = TypeClassifier.CanBeNull(clrType);

    public abstract void Observe(object? value);

    public abstract ArrowField Field(string name);

    public abstract void Append(ArrowColumnBuilder builder, object? value);

    /// <summary>
    /// The column for values of <paramref name="type"/>; <paramref name="typeName"/> is the member's
    /// <c>[Column(TypeName = …)]</c>, which stores an enum by name (<c>"string"</c>, as queries then compare it) and gives a
    /// decimal its precision and scale (<c>"decimal(p,s)"</c>), as the local engine's tables do. Other type names are ignored.
    /// </summary>
    /// <exception cref="NotSupportedException">The type (or a member inside it) has no Spark column type.</exception>
    public static LocalColumn Create(Type type, string path, ColumnNamingPolicy naming, HashSet<Type> enclosing, string? typeName = null)
    {
        var underlying = System.Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum && string.Equals(typeName?.Trim(), "string", StringComparison.OrdinalIgnoreCase))
            return new LocalLeafColumn(LeafKind.EnumName, type, path);
        if (underlying == typeof(decimal) && DeclaredDecimal.Parse(typeName) is { } declared)
            return new LocalLeafColumn(LeafKind.Decimal, type, path, declared);
        if (LocalLeafColumn.KindOf(underlying) is { } kind) return new LocalLeafColumn(kind, type, path);
        if (TypeNames.DictionaryTypes(underlying) is { } entry)
            return new LocalMapColumn(type, path, Create(entry.Key, path + ".Key", naming, enclosing), Create(entry.Value, path + ".Value", naming, enclosing));
        if (TypeNames.ListElement(underlying) is { } element)
            return new LocalListColumn(type, path, Create(element, path + "[]", naming, enclosing));
        if (TypeClassifier.IsStructured(underlying) && !underlying.IsAbstract && !underlying.IsInterface && underlying != typeof(object)
            && !typeof(IEnumerable).IsAssignableFrom(underlying))
        {
            if (!enclosing.Add(underlying))
                throw Unsupported(path, type, "the type contains itself, and Spark columns can't be recursive");
            try
            {
                var members = EntityMapping.For(underlying, naming).Members
                    .Select(m => new LocalStructColumn.Member(m.ColumnName, Getter(m.Member),
                        Create(m.ClrType, path + "." + m.Member.Name, naming, enclosing, m.Member.GetCustomAttribute<ColumnAttribute>()?.TypeName)))
                    .ToArray();
                if (members.Length == 0) throw Unsupported(path, type, "the type has no public properties or fields to store");
                return new LocalStructColumn(type, path, members);
            }
            finally
            {
                enclosing.Remove(underlying);
            }
        }
        throw Unsupported(path, type, "Spark has no column type for it");
    }

    private static NotSupportedException Unsupported(string path, Type type, string why) => new(
        $"CreateDataFrame: '{path}' of type {TypeNames.Of(type)} can't be stored: {why}. Supported: bool, integers, float, double, decimal, " +
        "string, char, Guid, DateTime, DateTimeOffset, DateOnly, TimeSpan, byte[], enums, their nullables, classes/records/structs of these, " +
        "arrays/lists and dictionaries. Mark other members [NotMapped].");

    private static Func<object, object?> Getter(MemberInfo member) => Getters.GetOrAdd(member, static m =>
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var access = Expression.MakeMemberAccess(Expression.Convert(instance, m.DeclaringType!), m);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
    });
}

/// <summary>A class, record or struct member → struct column.</summary>
internal sealed class LocalStructColumn(Type clrType, string path, LocalStructColumn.Member[] members) : LocalColumn(clrType, path)
{
    public sealed record Member(string Name, Func<object, object?> Get, LocalColumn Column);

    public IReadOnlyList<Member> Members => members;

    public override void Observe(object? value)
    {
        if (value is null) return;
        foreach (var member in members) member.Column.Observe(member.Get(value));
    }

    public override ArrowField Field(string name) => ArrowField.Struct(name, members.Select(m => m.Column.Field(m.Name)).ToArray(), Nullable);

    public override void Append(ArrowColumnBuilder builder, object? value)
    {
        var structure = (StructBuilder)builder;
        if (value is null)
        {
            structure.AppendNull();
            return;
        }
        for (var i = 0; i < members.Length; i++) members[i].Column.Append(structure.Children[i], members[i].Get(value));
        structure.Append();
    }
}

/// <summary>An array or list → list column.</summary>
internal sealed class LocalListColumn(Type clrType, string path, LocalColumn element) : LocalColumn(clrType, path)
{
    public override void Observe(object? value)
    {
        if (value is null) return;
        foreach (var item in (IEnumerable)value) element.Observe(item);
    }

    public override ArrowField Field(string name) => ArrowField.List(name, element.Field("element"), Nullable);

    public override void Append(ArrowColumnBuilder builder, object? value)
    {
        var list = (ListBuilder)builder;
        if (value is null)
        {
            list.AppendNull();
            return;
        }
        list.Append();
        foreach (var item in (IEnumerable)value) element.Append(list.Values, item);
    }
}

/// <summary>A dictionary → map column (keys are never null in .NET dictionaries, as Arrow requires).</summary>
internal sealed class LocalMapColumn(Type clrType, string path, LocalColumn key, LocalColumn item) : LocalColumn(clrType, path)
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Key, PropertyInfo Value)> PairProperties = new();

    public override void Observe(object? value)
    {
        foreach (var (k, v) in Entries(value))
        {
            key.Observe(k);
            item.Observe(v);
        }
    }

    public override ArrowField Field(string name)
    {
        var keyField = key.Field("key");
        var entries = new ArrowField("entries", ArrowType.Struct, false, [new ArrowField("key", keyField.Type, false, keyField.Children), item.Field("value")]);
        return new ArrowField(name, ArrowType.Map(), Nullable, [entries]);
    }

    public override void Append(ArrowColumnBuilder builder, object? value)
    {
        var map = (MapBuilder)builder;
        if (value is null)
        {
            map.AppendNull();
            return;
        }
        map.Append();
        foreach (var (k, v) in Entries(value))
        {
            key.Append(map.Keys, k);
            item.Append(map.Items, v);
        }
    }

    private static IEnumerable<(object? Key, object? Value)> Entries(object? dictionary)
    {
        if (dictionary is null) yield break;
        foreach (var pair in (IEnumerable)dictionary)
        {
            var (k, v) = PairProperties.GetOrAdd(pair!.GetType(), t => (t.GetProperty("Key")!, t.GetProperty("Value")!));
            yield return (k.GetValue(pair), v.GetValue(pair));
        }
    }
}
