using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// A recursive common table expression of <c>WITH RECURSIVE</c> (Spark 4.1), which Spark Connect's relations can't say.
/// The parser packs the definition as a relation extension: a <see cref="ToDF"/> whose input is the definition's query
/// (an anchor UNION ALL a recursive term, checked by <see cref="Resolution.RecursiveCteResolver"/>) and whose column
/// names are the definition's column list (empty when it has none); the definition's id and its <c>MAX RECURSION LEVEL</c>
/// travel in the type URL. Each read of the definition's name inside its own query is a <see cref="Reference"/> with the
/// same id. Extensions survive the copies CTE substitution makes.
/// </summary>
internal static class RecursiveCte
{
    private const string DefinitionPrefix = "type.spark-linq.local/recursive-cte/";
    private const string ReferencePrefix = "type.spark-linq.local/recursive-ref/";
    private static long _nextId;

    /// <summary>A definition as the parser read it.</summary>
    internal sealed record Definition(long Id, string Name, Relation Query, IReadOnlyList<string> Columns, int? MaxLevel);

    /// <summary>A fresh id, unique in the process, so a view's recursive CTE never shares one with the query reading the view.</summary>
    internal static long NewId() => Interlocked.Increment(ref _nextId);

    internal static Relation Of(Definition definition)
    {
        var body = new ToDF { Input = definition.Query };
        body.ColumnNames.AddRange(definition.Columns);
        var level = definition.MaxLevel?.ToString(CultureInfo.InvariantCulture) ?? "default";
        return new Relation
        {
            Extension = Any.Pack(body, $"{DefinitionPrefix}{definition.Id.ToString(CultureInfo.InvariantCulture)}/{level}/{Uri.EscapeDataString(definition.Name)}"),
        };
    }

    /// <summary>A read of the definition <paramref name="id"/> from inside its own query.</summary>
    internal static Relation Reference(long id, string name) => new()
    {
        Extension = Any.Pack(new Read.Types.NamedTable { UnparsedIdentifier = name }, ReferencePrefix + id.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The definition an extension holds, or null when it holds something else.</summary>
    internal static Definition? TryReadDefinition(Relation relation)
    {
        if (relation.Extension is not { } extension || !extension.TypeUrl.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            return null;
        var parts = extension.TypeUrl[DefinitionPrefix.Length..].Split('/');
        var body = extension.Unpack<ToDF>();
        int? maxLevel = parts[1] == "default" ? null : int.Parse(parts[1], CultureInfo.InvariantCulture);
        return new Definition(long.Parse(parts[0], CultureInfo.InvariantCulture), Uri.UnescapeDataString(parts[2]), body.Input, [.. body.ColumnNames], maxLevel);
    }

    /// <summary>The id of the definition a recursive reference reads, or null when the relation is not one.</summary>
    internal static long? TryReadReference(Relation relation) =>
        relation.Extension is { } extension && extension.TypeUrl.StartsWith(ReferencePrefix, StringComparison.Ordinal)
            ? long.Parse(extension.TypeUrl[ReferencePrefix.Length..].Split('/')[0], CultureInfo.InvariantCulture)
            : null;
}
