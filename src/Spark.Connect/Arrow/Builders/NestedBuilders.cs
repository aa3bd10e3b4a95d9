namespace Spark.Connect.Arrow;

/// <summary>
/// Builds a list or large_list column: call <see cref="Append"/> to start a row, then append that
/// row's elements to <see cref="Values"/>.
/// </summary>
public sealed class ListBuilder : ArrowColumnBuilder
{
    private readonly GrowableBuffer _offsets = new();
    private readonly bool _large;

    internal ListBuilder(ArrowField field) : base(field)
    {
        _large = field.Type.Id == ArrowTypeId.LargeList;
        Values = Create(field.Children[0]);
        AppendOffset();
    }

    /// <summary>The builder of the elements of all rows.</summary>
    public ArrowColumnBuilder Values { get; }

    /// <summary>Starts a new (non-null) row; its elements are those appended to <see cref="Values"/> until the next row.</summary>
    public void Append()
    {
        CloseRow();
        AddRow(true);
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        CloseRow();
        AddRow(false);
    }

    // The last offset stays "open" (it tracks the current row's end) until the next row or Build.
    private void CloseRow()
    {
        SetLastOffset();
        AppendOffset();
    }

    private void SetLastOffset()
    {
        var bytes = _offsets.Bytes;
        if (_large)
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[^8..], Values.Length);
        else
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[^4..], Values.Length);
    }

    private void AppendOffset()
    {
        if (_large)
            _offsets.Append((long)Values.Length);
        else
            _offsets.Append(Values.Length);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend)
    {
        SetLastOffset();
        var offsets = _offsets.Detach(lend);
        var values = Values.Build(lend);
        AppendOffset();
        return ([offsets], [values]);
    }
}

/// <summary>
/// Builds a struct column: append to every member builder in <see cref="Children"/>, then call
/// <see cref="Append"/>; <see cref="AppendNull"/> appends the nulls to the members itself.
/// </summary>
public sealed class StructBuilder : ArrowColumnBuilder
{
    internal StructBuilder(ArrowField field) : base(field) => Children = field.Children.Select(Create).ToArray();

    /// <summary>One builder per member, in field order.</summary>
    public IReadOnlyList<ArrowColumnBuilder> Children { get; }

    /// <summary>Marks a non-null row whose member values were appended to <see cref="Children"/>.</summary>
    public void Append() => AddRow(true);

    /// <inheritdoc />
    public override void AppendNull()
    {
        foreach (var child in Children)
            child.AppendNull();
        AddRow(false);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend)
    {
        foreach (var child in Children)
        {
            if (child.Length != Length)
                throw new InvalidOperationException(
                    $"Struct '{Field.Name}' has {Length} rows but member '{child.Field.Name}' has {child.Length}; append to every member before Append().");
        }
        return ([], Children.Select(c => c.Build(lend)).ToArray());
    }
}

/// <summary>
/// Builds a map column: call <see cref="Append"/> to start a row, then append each entry's key to
/// <see cref="Keys"/> and value to <see cref="Items"/>.
/// </summary>
public sealed class MapBuilder : ArrowColumnBuilder
{
    private readonly ListBuilder _entries;
    private readonly StructBuilder _entry;

    internal MapBuilder(ArrowField field) : base(field)
    {
        // A map is laid out exactly like a list of non-null key/value structs.
        _entries = new ListBuilder(new ArrowField(field.Name, ArrowType.List, field.Nullable, field.Children));
        _entry = (StructBuilder)_entries.Values;
    }

    /// <summary>The builder of every entry's key.</summary>
    public ArrowColumnBuilder Keys => _entry.Children[0];

    /// <summary>The builder of every entry's value.</summary>
    public ArrowColumnBuilder Items => _entry.Children[1];

    /// <summary>Starts a new (non-null) map; its entries are the keys and values appended until the next row.</summary>
    public void Append()
    {
        SyncEntries();
        _entries.Append();
        AddRow(true);
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        SyncEntries();
        _entries.AppendNull();
        AddRow(false);
    }

    private void SyncEntries()
    {
        if (Keys.Length != Items.Length)
            throw new InvalidOperationException($"Map '{Field.Name}' has {Keys.Length} keys but {Items.Length} values.");
        while (_entry.Length < Keys.Length)
            _entry.Append();
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend)
    {
        SyncEntries();
        var list = (ListColumn)_entries.Build(lend);
        return ([list.Buffers[1]], [list.Values]);
    }
}
