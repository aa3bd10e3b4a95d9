using Google.Protobuf.WellKnownTypes;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// SQL's UNPIVOT clause keeps as ids every input column the value columns don't name, which Spark Connect's Unpivot
/// can't say (its ids are listed; none listed means none). The parser packs the Unpivot into a relation extension with
/// this type URL, and <see cref="Resolution.UnpivotResolver"/> takes the ids from the input once it is resolved.
/// </summary>
internal static class ImplicitIdUnpivot
{
    private const string Prefix = "type.spark-linq.local/unpivot-implicit-ids";

    internal static Relation Of(Unpivot unpivot) => new() { Extension = Any.Pack(unpivot, Prefix) };

    /// <summary>The unpivot an extension holds, or null when the extension is something else.</summary>
    internal static Unpivot? TryRead(Relation relation) =>
        relation.Extension is { } extension && extension.TypeUrl == Prefix + "/" + Unpivot.Descriptor.FullName ? extension.Unpack<Unpivot>() : null;
}
