using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Testing.Tests;

public enum Tier
{
    Basic = 1,
    Gold = 2,
}

[Table("accounts")]
public sealed class Account
{
    public int AccountId { get; set; }
    public string DisplayName { get; set; } = "";
    public decimal CreditLimit { get; set; }
    public Tier CustomerTier { get; set; }
    public DateTime OpenedAt { get; set; }
    [Column("region")] public string HomeRegion { get; set; } = "";
    [NotMapped] public string Label => $"{AccountId} {DisplayName}";

    public static Account[] Sample() =>
    [
        new() { AccountId = 1, DisplayName = "Ada", CreditLimit = 1500.50m, CustomerTier = Tier.Gold, OpenedAt = new DateTime(2023, 5, 1), HomeRegion = "eu" },
        new() { AccountId = 2, DisplayName = "Brook", CreditLimit = 200m, CustomerTier = Tier.Basic, OpenedAt = new DateTime(2024, 2, 10), HomeRegion = "us" },
        new() { AccountId = 3, DisplayName = "Chen", CreditLimit = 9000m, CustomerTier = Tier.Gold, OpenedAt = new DateTime(2022, 11, 30), HomeRegion = "apac" },
    ];
}
