using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Data;

/// <summary>
/// Turns one Arrow field's cells into DuckDB values, recursively for list, large_list, struct and map
/// fields. Owns the native types it builds composites with; dispose after loading. The bytes are hostile:
/// the reader already validated offsets and child lengths, and every range is checked again before use.
/// </summary>
internal abstract class ArrowValueConverter(DuckDbLogicalType type, string column) : IDisposable
{
    public DuckDbLogicalType Type { get; } = type;

    /// <summary>The top-level column this converter belongs to, for error messages.</summary>
    protected string Column { get; } = column;

    public ValueHandle Create(ArrowColumn cells, int row) => cells.IsNull(row) ? DuckDbValues.Null() : CreateNotNull(cells, row);

    protected abstract ValueHandle CreateNotNull(ArrowColumn cells, int row);

    public virtual void Dispose() { }

    protected LocalEngineException Invalid(string problem) =>
        new("INVALID_LOCAL_RELATION", "22000", $"The LocalRelation's column '{Column}' is malformed: {problem}.",
            new Dictionary<string, string> { ["column"] = Column });

    protected void CheckRange(ArrowColumn child, int start, int length)
    {
        if (start < 0 || length < 0 || (long)start + length > child.Length)
            throw Invalid($"a row refers to child rows {start}..{(long)start + length} but the child has {child.Length}");
    }

    /// <summary>Creates the children, then the composite; children are disposed once the composite holds copies.</summary>
    protected static ValueHandle Compose(Func<List<ValueHandle>, ValueHandle> build)
    {
        var children = new List<ValueHandle>();
        try
        {
            return build(children);
        }
        finally
        {
            foreach (var child in children)
                child.Dispose();
        }
    }

    /// <summary>The converter for <paramref name="field"/>, which must be of a loadable type.</summary>
    public static ArrowValueConverter For(ArrowField field, string column) => field.Type.Id switch
    {
        ArrowTypeId.List or ArrowTypeId.LargeList => new ArrowListConverter(For(field.Children[0], column), column),
        ArrowTypeId.Struct => ArrowStructConverter.Create(field, column),
        ArrowTypeId.Map => new ArrowMapConverter(For(field.Children[0].Children[0], column), For(field.Children[0].Children[1], column), column),
        _ => ArrowScalarConverter.Create(field, column),
    };
}

internal sealed class ArrowListConverter : ArrowValueConverter
{
    private readonly ArrowValueConverter _element;
    private readonly LogicalTypeHandle _elementType;

    public ArrowListConverter(ArrowValueConverter element, string column) : base(NestedTypes.List(element.Type), column)
    {
        _element = element;
        _elementType = DuckDbTypeFactory.CreateNative(element.Type);
    }

    protected override ValueHandle CreateNotNull(ArrowColumn cells, int row)
    {
        var list = (ListColumn)cells;
        var (start, length) = (list.GetStart(row), list.GetLength(row));
        CheckRange(list.Values, start, length);
        return Compose(elements =>
        {
            for (var i = start; i < start + length; i++)
                elements.Add(_element.Create(list.Values, i));
            return DuckDbValues.List(_elementType, elements);
        });
    }

    public override void Dispose()
    {
        _elementType.Dispose();
        _element.Dispose();
    }
}

internal sealed class ArrowStructConverter : ArrowValueConverter
{
    private readonly ArrowValueConverter[] _fields;
    private readonly LogicalTypeHandle _native;

    private ArrowStructConverter(ArrowValueConverter[] fields, IReadOnlyList<string> names, string column)
        : base(NestedTypes.Struct([.. names.Select((n, i) => new DuckDbStructField(n, fields[i].Type))]), column)
    {
        _fields = fields;
        _native = DuckDbTypeFactory.CreateNative(Type);
    }

    public static ArrowStructConverter Create(ArrowField field, string column)
    {
        var names = field.Children.Select(c => c.Name).ToList();
        if (names.Count == 0)
            throw LocalEngineException.Unsupported($"LocalRelation column '{column}' with a struct of no fields", "Give every struct at least one field.");
        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new LocalEngineException("INVALID_LOCAL_RELATION", "22000",
                $"The LocalRelation's column '{column}' has a struct with two fields named '{duplicate.Key}' (names are case-insensitive).",
                new Dictionary<string, string> { ["column"] = column });
        var fields = new List<ArrowValueConverter>();
        try
        {
            foreach (var child in field.Children)
                fields.Add(For(child, column));
            return new ArrowStructConverter([.. fields], names, column);
        }
        catch
        {
            foreach (var converter in fields)
                converter.Dispose();
            throw;
        }
    }

    protected override ValueHandle CreateNotNull(ArrowColumn cells, int row)
    {
        var record = (StructColumn)cells;
        if (record.Children.Count != _fields.Length)
            throw Invalid($"a struct has {record.Children.Count} members but the schema declares {_fields.Length}");
        return Compose(values =>
        {
            for (var f = 0; f < _fields.Length; f++)
            {
                CheckRange(record.Children[f], row, 1);
                values.Add(_fields[f].Create(record.Children[f], row));
            }
            return DuckDbValues.Struct(_native, values);
        });
    }

    public override void Dispose()
    {
        _native.Dispose();
        foreach (var field in _fields)
            field.Dispose();
    }
}

internal sealed class ArrowMapConverter : ArrowValueConverter
{
    private readonly ArrowValueConverter _key;
    private readonly ArrowValueConverter _value;
    private readonly LogicalTypeHandle _native;

    public ArrowMapConverter(ArrowValueConverter key, ArrowValueConverter value, string column) : base(NestedTypes.Map(key.Type, value.Type), column)
    {
        (_key, _value) = (key, value);
        _native = DuckDbTypeFactory.CreateNative(Type);
    }

    protected override ValueHandle CreateNotNull(ArrowColumn cells, int row)
    {
        var map = (MapColumn)cells;
        var (start, length) = (map.GetStart(row), map.GetLength(row));
        CheckRange(map.Keys, start, length);
        CheckRange(map.Items, start, length);
        var keys = new List<ValueHandle>(length);
        try
        {
            return Compose(values =>
            {
                for (var i = start; i < start + length; i++)
                {
                    if (map.Keys.IsNull(i))
                        throw Invalid("a map has a null key; Spark map keys cannot be null");
                    keys.Add(_key.Create(map.Keys, i));
                    values.Add(_value.Create(map.Items, i));
                }
                return DuckDbValues.Map(_native, keys, values);
            });
        }
        finally
        {
            foreach (var key in keys)
                key.Dispose();
        }
    }

    public override void Dispose()
    {
        _native.Dispose();
        _key.Dispose();
        _value.Dispose();
    }
}
