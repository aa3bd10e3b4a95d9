using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

namespace Spark.Linq.Mapping;

/// <summary>One mapped member of a row type and the column it reads.</summary>
internal sealed record MappedMember(MemberInfo Member, string ColumnName, Type ClrType);

/// <summary>
/// How a row type maps onto columns: public instance properties and fields, named by
/// <c>[Column("name")]</c> or else the naming policy, skipping <c>[NotMapped]</c>. Records, classes
/// with settable or init-only members and positional constructors all map the same way, because
/// only the members' names and types matter here. Cached per (type, policy).
/// </summary>
internal sealed class EntityMapping
{
    private static readonly ConcurrentDictionary<(Type, ColumnNamingPolicy), EntityMapping> Cache = new();

    private readonly Dictionary<MemberInfo, MappedMember> _byMember;

    private EntityMapping(Type type, ColumnNamingPolicy policy)
    {
        Type = type;
        Members = DiscoverMembers(type, policy);
        _byMember = Members.ToDictionary(m => m.Member, MemberComparer.Instance);
    }

    public Type Type { get; }

    public IReadOnlyList<MappedMember> Members { get; }

    public static EntityMapping For(Type type, ColumnNamingPolicy policy) => Cache.GetOrAdd((type, policy), key => new EntityMapping(key.Item1, key.Item2));

    /// <summary>The table name from <c>[Table("db.name")]</c>, else the type name.</summary>
    public static string TableName(Type type)
    {
        var table = type.GetCustomAttribute<TableAttribute>();
        if (table is null) return type.Name;
        return string.IsNullOrEmpty(table.Schema) ? table.Name : table.Schema + "." + table.Name;
    }

    public MappedMember? Find(MemberInfo member) => _byMember.GetValueOrDefault(member);

    private static List<MappedMember> DiscoverMembers(Type type, ColumnNamingPolicy policy)
    {
        var members = new List<MappedMember>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        foreach (var member in type.GetMembers(flags).Where(m => m is PropertyInfo { CanRead: true } p && p.GetIndexParameters().Length == 0 || m is FieldInfo))
        {
            if (member.IsDefined(typeof(NotMappedAttribute), inherit: true)) continue;
            var clrType = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
            var column = member.GetCustomAttribute<ColumnAttribute>()?.Name ?? policy.ColumnName(member.Name);
            members.Add(new MappedMember(member, column, clrType));
        }
        return members;
    }

    /// <summary>Members compare by declaring metadata, so a member reached through a derived type still matches.</summary>
    private sealed class MemberComparer : IEqualityComparer<MemberInfo>
    {
        public static readonly MemberComparer Instance = new();
        public bool Equals(MemberInfo? x, MemberInfo? y) => x is not null && y is not null && x.Module == y.Module && x.MetadataToken == y.MetadataToken;
        public int GetHashCode(MemberInfo obj) => HashCode.Combine(obj.Module, obj.MetadataToken);
    }
}
