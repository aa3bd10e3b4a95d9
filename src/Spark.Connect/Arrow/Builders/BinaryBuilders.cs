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

    private void AppendOffset()
    {
        if (_large)
            _offsets.Append((long)_data.Length);
        else
            _offsets.Append(_data.Length);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents()
    {
        var offsets = _offsets.Detach();
        var data = _data.Detach();
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
