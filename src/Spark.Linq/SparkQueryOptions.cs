using System.Runtime.CompilerServices;
using Spark.Linq.Plugins;

namespace Spark.Linq;

/// <summary>How queries are translated. Shared by every query of a <see cref="SparkSession"/>.</summary>
public sealed record SparkQueryOptions
{
    private readonly IReadOnlyList<ISparkTranslatorPlugin> _plugins = [];
    private PluginChains? _chains;

    /// <summary>Names columns for members without <c>[Column]</c>. Default: the member name as is.</summary>
    public ColumnNamingPolicy NamingPolicy { get; init; } = ColumnNamingPolicy.AsIs;

    /// <summary>How null comparisons translate. Default: C# semantics, so results equal LINQ-to-Objects.</summary>
    public SparkNullSemantics NullSemantics { get; init; } = SparkNullSemantics.CSharp;

    /// <summary>Translator plug-ins asked before the built-in translators, in this order (a copy of the list given).</summary>
    public IReadOnlyList<ISparkTranslatorPlugin> TranslatorPlugins
    {
        get => _plugins;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Any(p => p is null)) throw new ArgumentException("A translator plug-in is null.", nameof(value));
            _plugins = [.. value];
            _chains = null;
        }
    }

    /// <summary>The translator chains with the plug-ins first; null when there are none (the built-in chains apply).</summary>
    internal PluginChains? Chains => _plugins.Count == 0 ? null : _chains ??= new PluginChains(_plugins);

    /// <summary>Equal options translate alike: the same policy, null semantics and plug-in instances in the same order.</summary>
    public bool Equals(SparkQueryOptions? other) =>
        other is not null && Equals(NamingPolicy, other.NamingPolicy) && NullSemantics == other.NullSemantics
        && _plugins.SequenceEqual(other._plugins, ReferenceEqualityComparer.Instance);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NamingPolicy);
        hash.Add(NullSemantics);
        foreach (var plugin in _plugins) hash.Add(RuntimeHelpers.GetHashCode(plugin));
        return hash.ToHashCode();
    }
}
