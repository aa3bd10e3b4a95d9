using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Results;

/// <summary>LIST: each row's entry (offset, length) selects a range of the child vector.</summary>
internal sealed class ListWriter(ColumnWriter items) : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (ListBuilder)builder;
        var child = vector.GetListChild();
        var validity = vector.Validity;
        long bytes = count * 4L;
        for (var row = start; row < start + count; row++)
        {
            if (!validity.IsValid(row))
            {
                target.AppendNull();
                continue;
            }
            // The builder opens the row on Append(); the items appended after it belong to that row.
            target.Append();
            var (offset, length) = vector.GetListEntry(row);
            bytes += items.Append(child, offset, length, target.Values);
        }
        return bytes;
    }
}

/// <summary>MAP: DuckDB stores it as a list of STRUCT(key, value); Arrow as a list of entries too.</summary>
internal sealed class MapWriter(ColumnWriter keys, ColumnWriter values) : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (MapBuilder)builder;
        var entries = vector.GetListChild();
        var keyVector = entries.GetStructChild(0);
        var valueVector = entries.GetStructChild(1);
        var validity = vector.Validity;
        long bytes = count * 4L;
        for (var row = start; row < start + count; row++)
        {
            if (!validity.IsValid(row))
            {
                target.AppendNull();
                continue;
            }
            target.Append();
            var (offset, length) = vector.GetListEntry(row);
            bytes += keys.Append(keyVector, offset, length, target.Keys);
            bytes += values.Append(valueVector, offset, length, target.Items);
        }
        return bytes;
    }
}

/// <summary>STRUCT: members are appended row by row because a null struct row also nulls every member.</summary>
internal sealed class StructWriter(IReadOnlyList<ColumnWriter> members) : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (StructBuilder)builder;
        var children = new DuckDbVector[members.Count];
        for (var i = 0; i < children.Length; i++)
            children[i] = vector.GetStructChild(i);
        var validity = vector.Validity;
        long bytes = (count + 7) / 8;
        for (var row = start; row < start + count; row++)
        {
            if (!validity.IsValid(row))
            {
                target.AppendNull();
                continue;
            }
            for (var i = 0; i < children.Length; i++)
                bytes += members[i].Append(children[i], row, 1, target.Children[i]);
            target.Append();
        }
        return bytes;
    }
}
