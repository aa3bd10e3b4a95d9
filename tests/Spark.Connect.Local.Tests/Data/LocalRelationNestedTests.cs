using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Data;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Tests.Data;

public sealed class LocalRelationNestedTests : LocalRelationTestBase
{
    [Test]
    public void List_columns_load_with_null_lists_null_elements_and_empty_lists()
    {
        var schema = new ArrowSchema([
            ArrowField.List("ints", new ArrowField("element", ArrowType.Int32)),
            ArrowField.List("nested", new ArrowField("element", ArrowType.List, true, [new ArrowField("element", ArrowType.Utf8)])),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var ints = builder.Column<ListBuilder>(0);
        var nested = builder.Column<ListBuilder>(1);
        var inner = (ListBuilder)nested.Values;
        // Row 0: [1, null, 3] and [["a"], null, []]
        ints.Append();
        ((PrimitiveBuilder<int>)ints.Values).Append(1);
        ints.Values.AppendNull();
        ((PrimitiveBuilder<int>)ints.Values).Append(3);
        nested.Append();
        inner.Append();
        ((Utf8Builder)inner.Values).Append("a");
        inner.AppendNull();
        inner.Append();
        // Row 1: [] and []; row 2: null and null
        ints.Append();
        nested.Append();
        ints.AppendNull();
        nested.AppendNull();

        var (loaded, rows) = Load(builder.Build());

        Assert.That(loaded.Fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "ints: list<element: int32>", "nested: list<element: list<element: utf8>>",
        }));
        Assert.That(rows, Is.EqualTo(new object?[][]
        {
            [new int?[] { 1, null, 3 }, new object?[] { new[] { "a" }, null, Array.Empty<string>() }],
            [Array.Empty<int>(), Array.Empty<object>()],
            [null, null],
        }));
    }

    [Test]
    public void Struct_columns_load_with_null_structs_null_fields_and_a_list_inside()
    {
        var schema = new ArrowSchema([
            ArrowField.Struct("person", [
                new ArrowField("name", ArrowType.Utf8),
                new ArrowField("born", ArrowType.Date32),
                ArrowField.List("scores", new ArrowField("element", ArrowType.Decimal128(5, 2))),
            ]),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var person = builder.Column<StructBuilder>(0);
        var scores = (ListBuilder)person.Children[2];
        ((Utf8Builder)person.Children[0]).Append("Ann");
        ((Date32Builder)person.Children[1]).Append(new DateOnly(1990, 1, 2));
        scores.Append();
        ((Decimal128Builder)scores.Values).Append(1.25m);
        scores.Values.AppendNull();
        person.Append();
        person.Children[0].AppendNull();
        person.Children[1].AppendNull();
        scores.Append();
        person.Append();
        person.AppendNull();

        var (loaded, rows) = Load(builder.Build());

        Assert.That(loaded.Fields.Single().ToString(),
            Is.EqualTo("person: struct<name: utf8, born: date32, scores: list<element: decimal128(5, 2)>>"));
        Assert.That(rows, Is.EqualTo(new object?[][]
        {
            [new object?[] { "Ann", new DateOnly(1990, 1, 2), new decimal?[] { 1.25m, null } }],
            [new object?[] { null, null, Array.Empty<decimal>() }],
            [null],
        }));
    }

    [Test]
    public void Map_columns_load_with_null_maps_null_values_empty_maps_and_struct_values()
    {
        var schema = new ArrowSchema([
            ArrowField.Map("counts", ArrowType.Utf8, new ArrowField("value", ArrowType.Int64)),
            ArrowField.Map("points", ArrowType.Int32, ArrowField.Struct("value", [new ArrowField("x", ArrowType.Float64)])),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var counts = builder.Column<MapBuilder>(0);
        var points = builder.Column<MapBuilder>(1);
        counts.Append();
        ((Utf8Builder)counts.Keys).Append("a");
        ((PrimitiveBuilder<long>)counts.Items).Append(1);
        ((Utf8Builder)counts.Keys).Append("b");
        counts.Items.AppendNull();
        points.Append();
        ((PrimitiveBuilder<int>)points.Keys).Append(7);
        var point = (StructBuilder)points.Items;
        ((PrimitiveBuilder<double>)point.Children[0]).Append(0.5);
        point.Append();
        ((PrimitiveBuilder<int>)points.Keys).Append(8);
        point.AppendNull();
        counts.Append();
        points.Append();
        counts.AppendNull();
        points.AppendNull();

        var (loaded, rows) = Load(builder.Build());

        Assert.That(loaded.Fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "counts: map<entries: struct<key: utf8, value: int64>>",
            "points: map<entries: struct<key: int32, value: struct<x: float64>>>",
        }));
        Assert.That(loaded.Fields[0].Children[0].Children[0].Nullable, Is.False);
        Assert.That(rows, Is.EqualTo(new object?[][]
        {
            [new Dictionary<object, object?> { ["a"] = 1L, ["b"] = null }, new Dictionary<object, object?> { [7] = new object?[] { 0.5 }, [8] = null }],
            [new Dictionary<object, object?>(), new Dictionary<object, object?>()],
            [null, null],
        }));
    }

    [Test]
    public void Every_scalar_arrow_type_loads_as_a_struct_field()
    {
        var micros = (new DateTime(2024, 5, 6, 7, 8, 9) - DateTime.UnixEpoch).Ticks / 10;
        var members = new ArrowField[]
        {
            new("b", ArrowType.Boolean), new("i8", ArrowType.Int8), new("i16", ArrowType.Int16), new("i64", ArrowType.Int64),
            new("f32", ArrowType.Float32), new("f64", ArrowType.Float64), new("dec", ArrowType.Decimal128(38, 4)), new("bin", ArrowType.Binary),
            new("ts", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")), new("ms", ArrowType.Timestamp(ArrowTimeUnit.Millisecond, null)),
            new("ns", ArrowType.Timestamp(ArrowTimeUnit.Nanosecond, null)), new("dur", ArrowType.Duration(ArrowTimeUnit.Second)),
            new("nothing", ArrowType.Null),
        };
        var builder = new RecordBatchBuilder(new ArrowSchema([ArrowField.Struct("s", members)]));
        var record = builder.Column<StructBuilder>(0);
        ((BooleanBuilder)record.Children[0]).Append(true);
        ((PrimitiveBuilder<sbyte>)record.Children[1]).Append(-1);
        ((PrimitiveBuilder<short>)record.Children[2]).Append(short.MinValue);
        ((PrimitiveBuilder<long>)record.Children[3]).Append(long.MaxValue);
        ((PrimitiveBuilder<float>)record.Children[4]).Append(0.25f);
        ((PrimitiveBuilder<double>)record.Children[5]).Append(-2.5);
        ((Decimal128Builder)record.Children[6]).Append(-12345.6789m);
        ((BinaryBuilder)record.Children[7]).Append([0, 1, 2]);
        ((TimestampBuilder)record.Children[8]).Append(micros);
        ((TimestampBuilder)record.Children[9]).Append(micros / 1000);
        ((TimestampBuilder)record.Children[10]).Append(micros * 1000 + 999);
        ((DurationBuilder)record.Children[11]).Append(TimeSpan.FromSeconds(3));
        record.Children[12].AppendNull();
        record.Append();

        var (loaded, rows) = Load(builder.Build());

        Assert.That(loaded.Fields[0].Children.Select(f => f.Type), Is.EqualTo(new[]
        {
            ArrowType.Boolean, ArrowType.Int8, ArrowType.Int16, ArrowType.Int64, ArrowType.Float32, ArrowType.Float64, ArrowType.Decimal128(38, 4),
            ArrowType.Binary, ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"), ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null),
            ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null), ArrowType.Duration(ArrowTimeUnit.Microsecond), ArrowType.Int32,
        }));
        Assert.That(rows.Single()[0], Is.EqualTo(new object?[]
        {
            true, (sbyte)-1, short.MinValue, long.MaxValue, 0.25f, -2.5, -12345.6789m, new byte[] { 0, 1, 2 }, micros, micros, micros,
            TimeSpan.FromSeconds(3), null,
        }));
    }

    [Test]
    public void A_null_map_key_fails_naming_the_column_and_leaves_no_table()
    {
        // Our builder declares keys non-null but does not stop a null key, just as a hostile client would not.
        var schema = new ArrowSchema([ArrowField.Map("lookup", ArrowType.Utf8, new ArrowField("value", ArrowType.Int32))]);
        var builder = new RecordBatchBuilder(schema);
        var map = builder.Column<MapBuilder>(0);
        map.Append();
        map.Keys.AppendNull();
        ((PrimitiveBuilder<int>)map.Items).Append(1);

        var error = Assert.Throws<LocalEngineException>(() => Load(builder.Build()));

        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
        Assert.That(error.Message, Does.Contain("'lookup'").And.Contain("null key"));
        Assert.Throws<DuckDbException>(() => Connection.Query("SELECT * FROM loaded").Dispose());
    }

    [Test]
    public void Corrupt_nested_streams_fail_with_a_typed_error()
    {
        var schema = new ArrowSchema([
            ArrowField.List("xs", new ArrowField("element", ArrowType.Int64)),
            ArrowField.Struct("s", [new ArrowField("name", ArrowType.Utf8)]),
            ArrowField.Map("m", ArrowType.Int32, new ArrowField("value", ArrowType.Utf8)),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var (xs, record, map) = (builder.Column<ListBuilder>(0), builder.Column<StructBuilder>(1), builder.Column<MapBuilder>(2));
        for (var i = 0; i < 20; i++)
        {
            xs.Append();
            for (var j = 0; j < 3; j++)
                ((PrimitiveBuilder<long>)xs.Values).Append(i * 3 + j);
            ((Utf8Builder)record.Children[0]).Append($"n{i}");
            record.Append();
            map.Append();
            ((PrimitiveBuilder<int>)map.Keys).Append(i);
            ((Utf8Builder)map.Items).Append($"v{i}");
        }
        var bytes = ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
        var failures = 0;
        // Flip every byte in turn: whatever each one does, the result is rows or a typed error, never a crash.
        for (var position = 0; position < bytes.Length; position++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[position] ^= 0xA5;
            try
            {
                LocalRelationLoader.Load(Connection, "fuzzed", new LocalRelation { Data = ByteString.CopyFrom(corrupt) });
            }
            catch (LocalEngineException error)
            {
                Assert.That(error.ErrorClass, Is.AnyOf("INVALID_LOCAL_RELATION", "UNSUPPORTED_FEATURE.LOCAL_ENGINE", "INVALID_IDENTIFIER"));
                failures++;
            }
        }
        Assert.That(failures, Is.GreaterThan(0), "some corruptions must be detected");

        var truncated = Assert.Throws<LocalEngineException>(() =>
            LocalRelationLoader.Load(Connection, "t", new LocalRelation { Data = ByteString.CopyFrom(bytes.AsSpan(0, bytes.Length - 40)) }));
        Assert.That(truncated!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
    }

    [Test]
    public void Duplicate_map_keys_and_duplicate_struct_fields_fail_with_a_typed_error()
    {
        var maps = new ArrowSchema([ArrowField.Map("m", ArrowType.Int32, new ArrowField("value", ArrowType.Int32))]);
        var builder = new RecordBatchBuilder(maps);
        var map = builder.Column<MapBuilder>(0);
        map.Append();
        foreach (var value in new[] { 1, 2 })
        {
            ((PrimitiveBuilder<int>)map.Keys).Append(5);
            ((PrimitiveBuilder<int>)map.Items).Append(value);
        }
        var duplicateKey = Assert.Throws<LocalEngineException>(() => Load(builder.Build()));
        Assert.That(duplicateKey!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
        Assert.That(duplicateKey.Message, Does.Contain("'m'").And.Contain("distinct"));

        var structs = new ArrowSchema([ArrowField.Struct("s", [new ArrowField("a", ArrowType.Int32), new ArrowField("A", ArrowType.Int32)])]);
        var duplicateField = Assert.Throws<LocalEngineException>(() => Load(new RecordBatchBuilder(structs).Build()));
        Assert.That(duplicateField!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
        Assert.That(duplicateField.Message, Does.Contain("'s'").And.Contain("'a'"));
    }
}

public sealed class LocalRelationNestedServerTests : Server.LocalServerTestBase
{
    [Test]
    public async Task A_nested_local_relation_sent_by_a_client_comes_back_with_spark_types()
    {
        var schema = new ArrowSchema([
            new ArrowField("id", ArrowType.Int32),
            ArrowField.List("tags", new ArrowField("element", ArrowType.Utf8)),
            ArrowField.Map("attrs", ArrowType.Utf8, new ArrowField("value", ArrowType.Int32)),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var tags = builder.Column<ListBuilder>(1);
        var attrs = builder.Column<MapBuilder>(2);
        foreach (var id in new[] { 1, 2 })
        {
            builder.Column<PrimitiveBuilder<int>>(0).Append(id);
            tags.Append();
            ((Utf8Builder)tags.Values).Append($"t{id}");
            attrs.Append();
            ((Utf8Builder)attrs.Keys).Append("k");
            ((PrimitiveBuilder<int>)attrs.Items).Append(id * 10);
        }
        var relation = new Relation { LocalRelation = new LocalRelation { Data = ByteString.CopyFrom(ArrowStreamWriter.WriteToArray(schema, [builder.Build()])) } };
        var filtered = new Relation { Filter = new Filter { Input = relation, Condition = new Expression { UnresolvedFunction = new Expression.Types.UnresolvedFunction
        {
            FunctionName = "==",
            Arguments = { new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "id" } },
                new Expression { Literal = new Expression.Types.Literal { Integer = 2 } } },
        } } } };

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(new Plan { Root = filtered }));

        Assert.That(SchemaOf(responses).Fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "id: int32", "tags: list<element: utf8>", "attrs: map<entries: struct<key: utf8, value: int32>>",
        }));
        Assert.That(NestedValues.Rows(Batches(responses)), Is.EqualTo(new object?[][]
        {
            [2, new[] { "t2" }, new Dictionary<object, object?> { ["k"] = 20 }],
        }));
    }
}
