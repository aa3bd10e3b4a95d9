using System.Collections;

namespace Spark.Linq.Query.Caching;

/// <summary>The cache key: the shape's tokens plus the options the query is translated with.</summary>
internal sealed class ShapeKey : IEquatable<ShapeKey>
{
    private readonly ShapeTokens _tokens;
    private readonly int _hash;

    public ShapeKey(ShapeTokens tokens, SparkQueryOptions options)
    {
        // The writer is done with the tokens, so the key keeps them as they are (no copy).
        _tokens = tokens;
        Options = options;
        _hash = HashCode.Combine(options, tokens.Hash);
    }

    public SparkQueryOptions Options { get; }

    public bool Equals(ShapeKey? other) =>
        other is not null && _hash == other._hash && Options.Equals(other.Options) && _tokens.Items.SequenceEqual(other._tokens.Items);

    public override bool Equals(object? obj) => Equals(obj as ShapeKey);

    public override int GetHashCode() => _hash;
}

/// <summary>
/// The value of a constant that is part of the shape (not a slot), compared by value: scalars with
/// Equals on the same type, collections element by element.
/// </summary>
internal sealed class ValueToken : IEquatable<ValueToken>
{
    private readonly object? _value;
    private readonly int _hash;

    private ValueToken(object? value)
    {
        _value = Snapshot(value);
        _hash = Hash(_value);
    }

    /// <summary>
    /// False for values that can't be compared safely: lazily computed sequences (enumerating them
    /// could be costly or have effects) and objects with reference identity only.
    /// </summary>
    public static bool TryCreate(object? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ValueToken? token)
    {
        token = IsComparable(value) ? new ValueToken(value) : null;
        return token is not null;
    }

    private static bool IsComparable(object? value) => value switch
    {
        null or string => true,
        // Read-only cultures (InvariantCulture, GetCultureInfo's) can't change, so their name says all.
        System.Globalization.CultureInfo culture => culture.IsReadOnly,
        IQueryable => false,
        ICollection collection => collection.Cast<object?>().All(IsComparable),
        IEnumerable => false,
        _ => value.GetType().IsValueType || value is Type,
    };

    // Collections are copied: the caller may change a captured list after the query ran, and a key must never change.
    // Values whose Equals ignores what the literal shows (1.0m vs 1.00m, 0.0 vs -0.0, DateTime kinds) compare by representation.
    private static object? Snapshot(object? value) => value switch
    {
        null => null,
        ICollection collection => collection.Cast<object?>().Select(Snapshot).ToArray(),
        decimal d => (typeof(decimal), (object)d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        double d => (typeof(double), (object)BitConverter.DoubleToInt64Bits(d)),
        float f => (typeof(float), (object)BitConverter.SingleToInt32Bits(f)),
        DateTime t => (typeof(DateTime), (object)t.ToBinary()),
        System.Globalization.CultureInfo c => (typeof(System.Globalization.CultureInfo), (object)c.Name),
        _ => (value.GetType(), value),
    };

    private static bool ValuesEqual(object? a, object? b)
    {
        if (a is object?[] left && b is object?[] right)
            return left.Length == right.Length && left.Zip(right).All(p => ValuesEqual(p.First, p.Second));
        return Equals(a, b);
    }

    private static int Hash(object? value)
    {
        if (value is not object?[] items) return value?.GetHashCode() ?? 0;
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items) hash.Add(Hash(item));
        return hash.ToHashCode();
    }

    public bool Equals(ValueToken? other) =>
        other is not null && _hash == other._hash && ValuesEqual(_value, other._value);

    public override bool Equals(object? obj) => Equals(obj as ValueToken);

    public override int GetHashCode() => _hash;
}
