using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Testing.Tests;

public enum ShipmentState
{
    Packed = 1,
    InTransit = 2,
    Delivered = 3,
}

public sealed record PostalAddress(string StreetName, string PostCode);

public sealed record ParcelLine(string ItemName, int UnitCount);

/// <summary>Every kind of member a table's mapping must agree on: multi-word names, [Column] names and type names, nesting.</summary>
public sealed class Shipment
{
    public int ShipmentId { get; set; }

    [Column("carrier")]
    public string CarrierName { get; set; } = "";

    [Column(TypeName = "string")]
    public ShipmentState CurrentState { get; set; }

    [Column(TypeName = "decimal(9,3)")]
    public decimal GrossWeight { get; set; }

    public PostalAddress DeliveryAddress { get; set; } = new("", "");

    public List<ParcelLine> ParcelLines { get; set; } = [];

    public static Shipment[] Sample() =>
    [
        new() { ShipmentId = 1, CarrierName = "Fjord Post", CurrentState = ShipmentState.Delivered, GrossWeight = 1.5m,
            DeliveryAddress = new("Storgata 1", "0155"), ParcelLines = [new("lamp", 1), new("bulb", 4)] },
        new() { ShipmentId = 2, CarrierName = "Rapid", CurrentState = ShipmentState.InTransit, GrossWeight = 12.125m,
            DeliveryAddress = new("Main St 9", "10001"), ParcelLines = [new("desk", 1)] },
        new() { ShipmentId = 3, CarrierName = "Rapid", CurrentState = ShipmentState.InTransit, GrossWeight = 0.75m,
            DeliveryAddress = new("Kings Rd 3", "SW3"), ParcelLines = [] },
    ];
}
