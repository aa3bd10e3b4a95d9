using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// A common table expression whose query is not deterministic (<c>rand()</c>, <c>uuid()</c>, …). Spark inlines a CTE
/// only when that can't change the answer (its InlineCTE rule: deterministic, or read once); otherwise every read sees
/// the same rows, computed once. The parser packs such a definition as a relation extension carrying its query, with
/// the definition's id in the type URL; <see cref="Resolution.SharedCteResolver"/> computes it once per planned query.
/// </summary>
internal static class SharedCte
{
    private const string Prefix = "type.spark-linq.local/shared-cte/";

    // Spark's nondeterministic expressions a query can call by name.
    private static readonly HashSet<string> Nondeterministic = new(StringComparer.OrdinalIgnoreCase)
    {
        "rand", "random", "randn", "randstr", "uniform", "uuid", "shuffle", "monotonically_increasing_id", "spark_partition_id", "input_file_name",
    };

    private static long _nextId;

    internal static Relation Of(Relation query) =>
        new() { Extension = Any.Pack(query, Prefix + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)) };

    /// <summary>The id and query of a shared definition, or null when the extension holds something else.</summary>
    internal static (long Id, Relation Query)? TryRead(Relation relation) =>
        relation.Extension is { } extension && extension.TypeUrl.StartsWith(Prefix, StringComparison.Ordinal)
            ? (long.Parse(extension.TypeUrl[Prefix.Length..].Split('/')[0], CultureInfo.InvariantCulture), extension.Unpack<Relation>())
            : null;

    /// <summary>True when <paramref name="message"/> calls a nondeterministic function anywhere (outside packed extensions).</summary>
    internal static bool CallsNondeterministic(IMessage message)
    {
        PlanComplexity.EnsureStack();
        if (message is Expression.Types.UnresolvedFunction function && Nondeterministic.Contains(function.FunctionName))
            return true;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                foreach (var item in (IEnumerable)value)
                {
                    if (item is IMessage child && CallsNondeterministic(child))
                        return true;
                }
            }
            else if (value is IMessage child && CallsNondeterministic(child))
                return true;
        }
        return false;
    }
}
