using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Tests.LocalData;

public enum Tint : short { Red = 1, Green = 2 }

public sealed record Inner(int Id, string? Label);

/// <summary>One member per supported type that reads back into the same CLR type (unsigned types widen, so they are tested apart).</summary>
public sealed class Everything
{
    public bool Flag { get; set; }
    public bool? MaybeFlag { get; set; }
    public sbyte Tiny { get; set; }
    public short Small { get; set; }
    public int Number { get; set; }
    public long? Big { get; set; }
    public float Single { get; set; }
    public double? Double { get; set; }
    public decimal Money { get; set; }
    public decimal? MaybeMoney { get; set; }
    public string? Text { get; set; }
    public char Letter { get; set; }
    public Guid Id { get; set; }
    public Guid? MaybeId { get; set; }
    public DateTime At { get; set; }
    public DateTime? Wall { get; set; }
    public DateTimeOffset? Offset { get; set; }
    public DateOnly Day { get; set; }
    public TimeSpan? Span { get; set; }
    public byte[]? Bytes { get; set; }
    public Tint Tint { get; set; }
    public Tint? MaybeTint { get; set; }
    public Inner? Nested { get; set; }
    public List<int?>? Numbers { get; set; }
    public string[]? Words { get; set; }
    public Dictionary<string, long?>? Counts { get; set; }

    [Column("renamed")]
    public int Mapped { get; set; }

    [NotMapped]
    public int Ignored { get; set; }

    public static Everything[] Samples() =>
    [
        new()
        {
            Flag = true, MaybeFlag = false, Tiny = -8, Small = short.MinValue, Number = 42, Big = long.MaxValue, Single = 1.5f, Double = -0.25,
            Money = 79228162514264337593543950335m, MaybeMoney = 0.000000001m, Text = "héllo ✓", Letter = 'λ',
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), MaybeId = Guid.Empty,
            At = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1230), Wall = new DateTime(1969, 7, 20, 20, 17, 40),
            Offset = new DateTimeOffset(2001, 9, 9, 1, 46, 40, TimeSpan.FromHours(2)), Day = new DateOnly(1, 1, 1), Span = TimeSpan.FromMicroseconds(-1234567),
            Bytes = [0, 255, 7], Tint = Tint.Green, MaybeTint = Tint.Red, Nested = new Inner(7, "seven"), Numbers = [1, null, 3], Words = ["a", ""],
            Counts = new() { ["x"] = 1, ["y"] = null }, Mapped = 5,
        },
        new()
        {
            Money = -1.5m, Letter = 'a', At = DateTime.UnixEpoch, Day = new DateOnly(9999, 12, 31), Tint = Tint.Red,
            Nested = new Inner(0, null), Numbers = [], Words = [], Counts = [],
        },
    ];

    /// <summary>Asserts every mapped member equal, collections element by element.</summary>
    public static void AssertSame(IReadOnlyList<Everything> actual, IReadOnlyList<Everything> expected)
    {
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        var properties = typeof(Everything).GetProperties().Where(p => !p.IsDefined(typeof(NotMappedAttribute), true));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Count; i++)
            {
                foreach (var property in properties)
                    Assert.That(property.GetValue(actual[i]), Is.EqualTo(property.GetValue(expected[i])), $"row {i}, {property.Name}");
                Assert.That(actual[i].At.Kind, Is.EqualTo(DateTimeKind.Utc), $"row {i}, At kind");
                Assert.That(actual[i].Wall?.Kind ?? DateTimeKind.Unspecified, Is.EqualTo(DateTimeKind.Unspecified), $"row {i}, Wall kind");
            }
        });
    }
}

public sealed record Unsigned(byte B, ushort S, uint I, ulong? L);

public sealed record Widened(short B, int S, long I, decimal? L);

public sealed record WithTimeOnly(int Id, TimeOnly When);

public sealed class Loop
{
    public int Id { get; set; }
    public Loop? Next { get; set; }
}

public sealed record Money(decimal Amount);

public sealed record Stamp(DateTime At);

public sealed record SnakeRow(int OrderId, string? CustomerName);

public sealed record Ledger(string Name, List<Money>? Payments, Dictionary<string, DateTime[]>? Times);
