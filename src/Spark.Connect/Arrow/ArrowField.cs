namespace Spark.Connect.Arrow;

/// <summary>A named, typed column of a schema; nested types keep their members in <see cref="Children"/>.</summary>
public sealed class ArrowField
{
    /// <summary>Creates a field; nested types must bring the children their type requires.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The Arrow type.</param>
    /// <param name="nullable">Whether values may be null.</param>
    /// <param name="children">Members of a list (one item), struct (any) or map (one entries struct of key and value).</param>
    public ArrowField(string name, ArrowType type, bool nullable = true, IReadOnlyList<ArrowField>? children = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Nullable = nullable;
        Children = children?.ToArray() ?? [];
        var problem = DescribeChildProblem(type, Children);
        if (problem is not null)
            throw new ArgumentException($"Field '{name}' of type {type}: {problem}", nameof(children));
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The Arrow type.</summary>
    public ArrowType Type { get; }

    /// <summary>Whether values may be null.</summary>
    public bool Nullable { get; }

    /// <summary>Members of nested types (empty for flat types).</summary>
    public IReadOnlyList<ArrowField> Children { get; }

    /// <summary>A list field whose elements are described by <paramref name="item"/>.</summary>
    public static ArrowField List(string name, ArrowField item, bool nullable = true) =>
        new(name, ArrowType.List, nullable, [item]);

    /// <summary>A struct field with the given members.</summary>
    public static ArrowField Struct(string name, IReadOnlyList<ArrowField> members, bool nullable = true) =>
        new(name, ArrowType.Struct, nullable, members);

    /// <summary>A map field; the key field is made non-nullable as Arrow requires.</summary>
    public static ArrowField Map(string name, ArrowType keyType, ArrowField value, bool keysSorted = false, bool nullable = true)
    {
        var entries = new ArrowField("entries", ArrowType.Struct, false, [new ArrowField("key", keyType, false), value]);
        return new ArrowField(name, ArrowType.Map(keysSorted), nullable, [entries]);
    }

    /// <summary>The field as <c>name: type</c>, with children in angle brackets.</summary>
    public override string ToString() => Children.Count == 0
        ? $"{Name}: {Type}"
        : $"{Name}: {Type}<{string.Join(", ", Children)}>";

    /// <summary>For a dictionary-encoded field, the field its dictionary's values have (same name and children, nullable).</summary>
    internal ArrowField DictionaryValueField() => new(Name, Type.ValueType!, nullable: true, Children);

    internal static string? DescribeChildProblem(ArrowType type, IReadOnlyList<ArrowField> children) => type.Id switch
    {
        // The children of a dictionary-encoded field describe its values.
        ArrowTypeId.Dictionary => DescribeChildProblem(type.ValueType!, children),
        ArrowTypeId.List or ArrowTypeId.LargeList when children.Count != 1 =>
            $"a list needs exactly one child field but has {children.Count}",
        ArrowTypeId.Map when children.Count != 1 || children[0].Type.Id != ArrowTypeId.Struct
                             || children[0].Children.Count != 2 =>
            "a map needs exactly one child: a struct of two fields (key, value)",
        ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Struct or ArrowTypeId.Map => null,
        _ when children.Count != 0 => $"a {type} field cannot have child fields (found {children.Count})",
        _ => null,
    };
}
