namespace Spark.Connect.Arrow;

/// <summary>The columns of a record batch stream, in order.</summary>
public sealed class ArrowSchema
{
    /// <summary>Creates a schema from its top-level fields.</summary>
    public ArrowSchema(IReadOnlyList<ArrowField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToArray();
    }

    /// <summary>The top-level fields.</summary>
    public IReadOnlyList<ArrowField> Fields { get; }

    /// <summary>Index of the first field named <paramref name="name"/> (ordinal comparison), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>The schema as a comma-separated list of fields.</summary>
    public override string ToString() => string.Join(", ", Fields);

    /// <summary>Whether two schemas have the same names, types, nullability and nesting.</summary>
    internal static bool SameShape(IReadOnlyList<ArrowField> a, IReadOnlyList<ArrowField> b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Name != b[i].Name || a[i].Type != b[i].Type || a[i].Nullable != b[i].Nullable
                || !SameShape(a[i].Children, b[i].Children))
                return false;
        }
        return true;
    }
}
