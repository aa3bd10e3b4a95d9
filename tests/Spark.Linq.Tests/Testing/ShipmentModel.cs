using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Tests.Testing;

public enum ShipmentStatus
{
    Pending = 1,
    Packed = 2,
    Shipped = 3,
}

[Flags]
public enum Handling
{
    None = 0,
    Fragile = 1,
    Cold = 2,
}

[Table("shipments")]
public sealed class Shipment
{
    public long Id { get; set; }
    public string Carrier { get; set; } = "";
    public ShipmentStatus Status { get; set; }
    public ShipmentStatus? PreviousStatus { get; set; }
    // Stored as the member's name: comparisons send 'Shipped', not 3.
    [Column(TypeName = "string")] public ShipmentStatus Stage { get; set; }
    public Handling Handling { get; set; }
    public decimal Weight { get; set; }
    public double Distance { get; set; }
    public long Parcels { get; set; }
    public DateTime SentAt { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
    public DateOnly Due { get; set; }
    public char Grade { get; set; }
    public Guid Tracking { get; set; }
    public bool Insured { get; set; }
}
