using System.Reflection;
using Spark.Linq.Mapping;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation;

/// <summary>
/// How a value of the current row is reached in the plan. A scalar is one expression (usually a
/// column). A complex value (a row type, an anonymous type, a struct column) also knows how each
/// of its members is reached, so <c>x.Customer.Name</c> resolves member by member.
/// </summary>
internal sealed class ValueShape
{
    private readonly Func<string, ValueShape?>? _member;

    private ValueShape(SparkExpression reference, Type clrType, Func<string, ValueShape?>? member, IReadOnlyList<string>? memberNames)
    {
        Reference = reference;
        ClrType = clrType;
        _member = member;
        MemberNames = memberNames ?? [];
    }

    /// <summary>The expression that yields the whole value (for a complex value: a struct, or <c>*</c> for a row).</summary>
    public SparkExpression Reference { get; }

    public Type ClrType { get; }

    public bool IsComplex => _member is not null;

    /// <summary>The members of a complex value, in column order.</summary>
    public IReadOnlyList<string> MemberNames { get; }

    /// <summary>For the rows of a GroupBy: the group being aggregated (its elements and the Aggregate they feed), else null.</summary>
    public Grouping.GroupScope? Group { get; private init; }

    /// <summary>For a left join's right side: the column that is null exactly when the row had no match, else null.</summary>
    public SparkExpression? MissingWhenNull { get; private init; }

    public ValueShape? Member(MemberInfo member) => _member?.Invoke(member.Name);

    public ValueShape? Member(string name) => _member?.Invoke(name);

    public static ValueShape Scalar(SparkExpression reference, Type clrType) => new(reference, clrType, null, null);

    /// <summary>A mapped row type whose members are columns (or fields of a struct, for nested types).</summary>
    public static ValueShape Entity(Type type, ColumnNamingPolicy policy, SparkExpression reference, Func<string, SparkExpression> column)
    {
        var mapping = EntityMapping.For(type, policy);
        var byName = mapping.Members.ToDictionary(m => m.Member.Name, StringComparer.Ordinal);
        return new ValueShape(reference, type, name =>
        {
            if (!byName.TryGetValue(name, out var mapped)) return null;
            var columnReference = column(mapped.ColumnName);
            return TypeClassifier.IsStructured(mapped.ClrType)
                ? Entity(mapped.ClrType, policy, columnReference, field => Plans.Expr.Extract(columnReference, field))
                : Scalar(columnReference, mapped.ClrType);
        }, mapping.Members.Select(m => m.Member.Name).ToList());
    }

    /// <summary>An <c>IGrouping&lt;K, E&gt;</c>: its only member is <c>Key</c>; aggregates over its elements go through <paramref name="scope"/>.</summary>
    public static ValueShape Grouping(Type type, ValueShape key, Grouping.GroupScope scope) =>
        new(Plans.Expr.Star(), type, name => name == "Key" ? key : null, ["Key"]) { Group = scope };

    /// <summary>The same shape, marked as possibly missing (the right side of a left join): <paramref name="probe"/> is null when it is.</summary>
    public ValueShape Optional(SparkExpression probe) => new(Reference, ClrType, _member, MemberNames) { Group = Group, MissingWhenNull = probe };

    /// <summary>The same shape with every expression rewritten by <paramref name="rewrite"/> (e.g. qualified by a join side's alias).</summary>
    public ValueShape Map(Func<SparkExpression, SparkExpression> rewrite) =>
        new(rewrite(Reference), ClrType, _member is null ? null : name => _member(name)?.Map(rewrite), MemberNames)
        {
            Group = Group,
            MissingWhenNull = MissingWhenNull is null ? null : rewrite(MissingWhenNull),
        };

    /// <summary>A value built in a projection (anonymous type, DTO, record) from named member shapes.</summary>
    public static ValueShape Composite(Type type, SparkExpression reference, IReadOnlyList<KeyValuePair<string, ValueShape>> members)
    {
        var byName = members.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        return new ValueShape(reference, type, name => byName.GetValueOrDefault(name), members.Select(m => m.Key).ToList());
    }
}
