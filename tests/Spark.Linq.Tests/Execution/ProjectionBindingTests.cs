using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Connect.TestServer;

namespace Spark.Linq.Tests.Execution;

/// <summary>
/// What the translator names, the materializer finds: projected members, [Column] names and the naming
/// policy line up between the plan that goes out and the rows that come back.
/// </summary>
public class ProjectionBindingTests
{
    private ScriptedSparkConnectServer _server = null!;

    public sealed class Shipment
    {
        public long ShipmentId { get; set; }
        [System.ComponentModel.DataAnnotations.Schema.Column("dest")] public string Destination { get; set; } = "";
        public double WeightKg { get; set; }
    }

    [SetUp]
    public async Task Start() => _server = await ScriptedSparkConnectServer.StartAsync();

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    /// <summary>Answers with one batch whose columns are exactly the aliases the plan's final Project produced.</summary>
    private void EchoProjectedColumns(Func<string, int, object?> value, int rows)
    {
        _server.ExecutePlan.Always((request, _) =>
        {
            var names = request.Plan.Root.Project.Expressions.Select(e => e.Alias.Name.Single()).ToList();
            var schema = new ArrowSchema(names.Select(n => new ArrowField(n, n.Contains("id", StringComparison.OrdinalIgnoreCase) ? ArrowType.Int64 : n.Contains("weight", StringComparison.OrdinalIgnoreCase) || n == "Heavy" ? ArrowType.Float64 : ArrowType.Utf8)).ToList());
            var builder = new RecordBatchBuilder(schema);
            for (var row = 0; row < rows; row++)
                for (var c = 0; c < names.Count; c++)
                    switch (value(names[c], row))
                    {
                        case long l: builder.Column<PrimitiveBuilder<long>>(c).Append(l); break;
                        case double d: builder.Column<PrimitiveBuilder<double>>(c).Append(d); break;
                        case var s: builder.Column<Utf8Builder>(c).Append((string?)s); break;
                    }
            var bytes = ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
            return new[]
            {
                new ExecutePlanResponse { ResponseId = "r", ArrowBatch = new() { RowCount = rows, Data = ByteString.CopyFrom(bytes) } },
                new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() },
            };
        });
    }

    [Test]
    public async Task An_anonymous_projection_binds_by_its_member_names()
    {
        await using var spark = SparkSession.Connect(_server.ConnectionString);
        EchoProjectedColumns((name, row) => name switch { "Id" => (long)row, "Heavy" => row * 1.5, _ => "city" + row }, rows: 2);

        var rows = await spark.Table<Shipment>("logistics.shipments")
            .Select(s => new { Id = s.ShipmentId, s.Destination, Heavy = s.WeightKg * 2 })
            .ToListAsync();

        Assert.That(rows, Is.EqualTo(new[] { new { Id = 0L, Destination = "city0", Heavy = 0.0 }, new { Id = 1L, Destination = "city1", Heavy = 1.5 } }));
    }

    [Test]
    public async Task A_class_projection_binds_through_its_column_attributes_and_the_naming_policy()
    {
        await using var spark = SparkSession.Connect(new SparkSessionOptions { ConnectionString = _server.ConnectionString, NamingPolicy = ColumnNamingPolicy.SnakeCase });
        EchoProjectedColumns((name, row) => name switch { "shipment_id" => 10L + row, "weight_kg" => 2.5, _ => "Oslo" }, rows: 1);

        var rows = await spark.Table<Shipment>("logistics.shipments")
            .Select(s => new Shipment { ShipmentId = s.ShipmentId, Destination = s.Destination, WeightKg = s.WeightKg })
            .ToListAsync();

        var sent = _server.RequestsOf<ExecutePlanRequest>().Single().Plan.Root.Project.Expressions.Select(e => e.Alias.Name.Single());
        Assert.That(sent, Is.EqualTo(new[] { "shipment_id", "dest", "weight_kg" }));
        Assert.That(rows.Single(), Has.Property(nameof(Shipment.ShipmentId)).EqualTo(10L)
            .And.Property(nameof(Shipment.Destination)).EqualTo("Oslo")
            .And.Property(nameof(Shipment.WeightKg)).EqualTo(2.5));
    }
}
