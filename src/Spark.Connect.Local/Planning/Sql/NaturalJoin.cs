using Google.Protobuf.WellKnownTypes;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// SQL's <c>NATURAL [kind] JOIN</c>, which Spark Connect's Join message can't say (its USING columns must be named, and
/// the common names are known only once both sides are resolved). The parser packs the Join into a relation extension
/// with this type URL; <see cref="Resolution.JoinResolver.ResolveNatural"/> joins USING the names both sides share.
/// An extension survives the copies CTE substitution makes, which a side table keyed by the message would not.
/// </summary>
internal static class NaturalJoin
{
    private const string Prefix = "type.spark-linq.local/natural";

    internal static Relation Of(Join join) => new() { Extension = Any.Pack(join, Prefix) };

    /// <summary>The natural join an extension holds, or null when the extension is something else.</summary>
    internal static Join? TryRead(Relation relation) =>
        relation.Extension is { } extension && extension.TypeUrl == Prefix + "/" + Join.Descriptor.FullName ? extension.Unpack<Join>() : null;
}
