using System.Text;

namespace Spark.Connect.Arrow;

/// <summary>Builds a binary or large_binary column.</summary>
public class BinaryBuilder : ArrowColumnBuilder
{
    private readonly GrowableBuffer _offsets = new();
    private readonly GrowableBuffer _data = new();
    private readonly bool _large;

    internal BinaryBuilder(ArrowField field) : base(field)
    {
        _large = field.Type.Id is ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8;
        AppendOffset();
    }

    /// <summary>Appends a value.</summary>
    public void Append(ReadOnlySpan<byte> value)
    {
        _data.Append(value);
        AppendOffset();
        AddRow(true);
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        AppendOffset();
        AddRow(false);
    }

    /// <summary>
    /// For bulk writers: appends a value's bytes and end offset without counting a row; the caller counts the
    /// rows and their validity with <see cref="CompleteRows"/> once the slice is written.
    /// </summary>
    internal void AppendValueOnly(ReadOnlySpan<byte> value)
    {
        _data.Append(value);
        AppendOffset();
    }

    /// <summary>For bulk writers: a null row's (empty) slot, without counting a row.</summary>
    internal void AppendEmptyOnly() => AppendOffset();

    /// <summary>Counts the rows written by <see cref="AppendValueOnly"/>/<see cref="AppendEmptyOnly"/> (see <see cref="PrimitiveBuilder{T}.AppendRange"/> for the validity words).</summary>
    internal void CompleteRows(ReadOnlySpan<ulong> validityWords, int start, int count) => AddRows(validityWords, start, count);

    private void AppendOffset()
    {
        if (_large)
            _offsets.Append((long)_data.Length);
        else
            _offsets.Append(_data.Length);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend)
    {
        var offsets = _offsets.Detach(lend);
        var data = _data.Detach(lend);
        AppendOffset();
        return ([offsets, data], []);
    }
}

/// <summary>Builds a utf8 or large_utf8 column.</summary>
public sealed class Utf8Builder : BinaryBuilder
{
    internal Utf8Builder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a string, or a null when <paramref name="value"/> is null.</summary>
    public void Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }
        var count = Encoding.UTF8.GetByteCount(value);
        var bytes = count <= 512 ? stackalloc byte[count] : new byte[count];
        Encoding.UTF8.GetBytes(value, bytes);
        Append((ReadOnlySpan<byte>)bytes);
    }
}
