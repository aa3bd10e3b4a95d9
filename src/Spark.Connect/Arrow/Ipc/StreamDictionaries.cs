using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// The dictionaries of one stream: which ids its schema declares (and with which value field), and the latest
/// dictionary each DictionaryBatch message delivered, replaced or extended (delta) as the stream goes on.
/// </summary>
internal sealed class StreamDictionaries
{
    private const int SlotId = 0, SlotData = 1, SlotIsDelta = 2;

    private readonly Dictionary<long, ArrowField> _valueFields = [];
    private readonly Dictionary<long, ArrowColumn> _current = [];
    private readonly Dictionary<long, DictionaryDelta> _deltas = [];

    internal StreamDictionaries(ArrowSchema schema) => Declare(schema.Fields);

    /// <summary>The dictionaries received so far, by id.</summary>
    internal IReadOnlyDictionary<long, ArrowColumn> Current => _current;

    /// <summary>Decodes a DictionaryBatch message and makes its dictionary the current one for its id.</summary>
    internal void Read(FlatBufferTable header, ReadOnlyMemory<byte> body)
    {
        var id = header.GetLong(SlotId);
        if (!_valueFields.TryGetValue(id, out var valueField))
            throw new ArrowFormatException($"Arrow DictionaryBatch has id {id}, which no field of the schema uses.");
        var data = header.GetTable(SlotData, "RecordBatch")
                   ?? throw new ArrowFormatException($"Arrow DictionaryBatch {id} has no record batch.");
        var values = RecordBatchDecoder.Decode(new ArrowSchema([valueField]), data, body, _current).Columns[0];
        if (!header.GetBool(SlotIsDelta))
        {
            _current[id] = values;
            _deltas.Remove(id);
            return;
        }
        if (!_current.TryGetValue(id, out var existing))
            throw new ArrowFormatException($"Arrow DictionaryBatch {id} is a delta, but no dictionary with that id came before it.");
        if (!_deltas.TryGetValue(id, out var delta))
            _deltas[id] = delta = new DictionaryDelta(existing);
        _current[id] = delta.Append(values);
    }

    /// <summary>Records every dictionary-encoded field, nested ones included; one id must always mean one value field.</summary>
    private void Declare(IReadOnlyList<ArrowField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Type.Id == ArrowTypeId.Dictionary)
            {
                var valueField = field.DictionaryValueField();
                var id = field.Type.DictionaryId;
                if (_valueFields.TryGetValue(id, out var declared) && !ArrowSchema.SameShape([Unnamed(declared)], [Unnamed(valueField)]))
                    throw new ArrowFormatException(
                        $"Arrow fields '{declared.Name}' ({declared.Type}) and '{field.Name}' ({field.Type.ValueType}) share dictionary id {id} but not a value type.");
                _valueFields.TryAdd(id, valueField);
            }
            Declare(field.Children);
        }
    }

    private static ArrowField Unnamed(ArrowField field) => new("", field.Type, field.Nullable, field.Children);
}
