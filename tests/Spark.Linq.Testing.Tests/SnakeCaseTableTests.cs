using Spark.Connect.Local;

namespace Spark.Linq.Testing.Tests;

/// <summary>
/// Tables made from objects with Spark.Linq's mapping (<see cref="LocalSparkServerTables.CreateTable{T}"/> on the engine,
/// <see cref="SparkTestSession"/> per session) are read back by a snake_case session: multi-word members, [Column]
/// names, enums stored as strings, declared decimals and nested members all resolve to the columns made.
/// </summary>
public class SnakeCaseTableTests
{
    private static readonly string[] Columns = ["shipment_id", "carrier", "current_state", "gross_weight", "delivery_address", "parcel_lines"];

    [Test]
    public async Task A_shared_table_made_for_snake_case_is_queried_by_a_plain_snake_case_session()
    {
        await using var server = await LocalSparkServer.StartAsync();
        server.CreateTable("shipments", Shipment.Sample(), ColumnNamingPolicy.SnakeCase);
        await using var spark = SparkSession.Connect(new SparkSessionOptions { ConnectionString = server.ConnectionString, NamingPolicy = ColumnNamingPolicy.SnakeCase });

        await AssertQueriesAsync(spark, spark.Table<Shipment>("shipments"));
    }

    [Test]
    public async Task A_shared_table_made_for_snake_case_is_queried_by_a_snake_case_test_session()
    {
        await using var server = await LocalSparkServer.StartAsync();
        server.CreateTable("shipments", Shipment.Sample(), ColumnNamingPolicy.SnakeCase);
        await using var spark = await SparkTestSession.StartAsync(server, o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase);

        await AssertQueriesAsync(spark.Session, spark.Table<Shipment>("shipments"));
    }

    [Test]
    public async Task A_snake_case_test_sessions_own_table_has_the_same_columns()
    {
        await using var spark = await SparkTestSession.StartAsync(o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase,
            SparkTestTable.Of("shipments", Shipment.Sample()));

        await AssertQueriesAsync(spark.Session, spark.Table<Shipment>("shipments"));
    }

    [Test]
    public async Task A_table_made_with_the_default_policy_is_not_found_by_a_snake_case_session()
    {
        await using var server = await LocalSparkServer.StartAsync();
        server.CreateTable("shipments", Shipment.Sample());
        await using var spark = await SparkTestSession.StartAsync(server, o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase);

        var error = await Assert.ThrowsAsync<Spark.Connect.SparkException>(() => spark.Table<Shipment>("shipments").Select(s => s.ShipmentId).ToListAsync());

        Assert.That(error!.ErrorClass, Does.StartWith("UNRESOLVED_COLUMN"), "columns are named as written, ShipmentId");
    }

    private static async Task AssertQueriesAsync(SparkSession spark, ISparkQueryable<Shipment> shipments)
    {
        var fields = (await spark.Sql<Shipment>("SELECT * FROM shipments").SchemaAsync()).Struct.Fields;
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(Columns));
        Assert.That(fields[2].DataType.KindCase, Is.EqualTo(Spark.Connect.Protocol.DataType.KindOneofCase.String), "enum by name");
        Assert.That((fields[3].DataType.Decimal?.Precision, fields[3].DataType.Decimal?.Scale), Is.EqualTo((9, 3)), "declared decimal");

        var inTransit = await shipments.Where(s => s.CurrentState == ShipmentState.InTransit && s.GrossWeight > 1m)
            .Select(s => new { s.ShipmentId, s.CarrierName, Street = s.DeliveryAddress.StreetName }).ToListAsync();
        Assert.That(inTransit.Select(s => (s.ShipmentId, s.CarrierName, s.Street)), Is.EqualTo(new[] { (2, "Rapid", "Main St 9") }));

        Assert.That(await shipments.SumAsync(s => s.GrossWeight), Is.EqualTo(14.375m));

        var all = await shipments.OrderBy(s => s.ShipmentId).ToListAsync();
        var expected = Shipment.Sample();
        Assert.That(all.Select(s => (s.ShipmentId, s.CarrierName, s.CurrentState, s.GrossWeight, s.DeliveryAddress)),
            Is.EqualTo(expected.Select(s => (s.ShipmentId, s.CarrierName, s.CurrentState, s.GrossWeight, s.DeliveryAddress))));
        Assert.That(all.Select(s => s.ParcelLines), Is.EqualTo(expected.Select(s => s.ParcelLines)), "nested lists of records, fields snake_cased");
    }
}
