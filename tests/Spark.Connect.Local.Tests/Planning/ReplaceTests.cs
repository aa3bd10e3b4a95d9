using Spark.Connect;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>df.na.replace through the resolver.</summary>
public sealed class ReplaceTests : RelationKindTestBase
{
    private Relation Replace(Relation input, (Literal Old, Literal New)[] pairs, params string[] cols)
    {
        var replace = new NAReplace { Input = input };
        replace.Cols.AddRange(cols);
        replace.Replacements.AddRange(pairs.Select(p => new NAReplace.Types.Replacement { OldValue = p.Old, NewValue = p.New }));
        return New(r => r.Replace = replace);
    }

    [Test]
    public void A_number_is_replaced_in_every_numeric_column_and_types_stay()
    {
        var plan = Replace(Table("people"), [(LongValue(10), LongValue(11)), (DoubleValue(200), DoubleValue(250.5))]);
        Assert.That(Lines(plan), Is.EqualTo(new[] { "1|Ann|11|100.0", "2|Bob|11|250.5", "3|Cid|20|300.0", "4|Dee|∅|400.0" }));
        Assert.That(Schema(plan), Is.EqualTo(new[] { "id:int?", "name:string?", "dept:int?", "salary:double?" }));
    }

    [Test]
    public void A_double_new_value_is_truncated_for_an_integer_column() =>
        Assert.That(Lines(Replace(Table("people"), [(LongValue(2), DoubleValue(7.9))], "id")).Select(l => l.Split('|')[0]),
            Is.EqualTo(new[] { "1", "7", "3", "4" }));

    [Test]
    public void A_string_is_replaced_only_in_listed_string_columns() =>
        Assert.That(Lines(Replace(Table("gaps"), [(StringValue("x"), StringValue("X"))], "s", "i")).Select(l => l.Split('|')[2]),
            Is.EqualTo(new[] { "X", "y", "∅", "∅" }));

    [Test]
    public void A_value_can_be_replaced_by_null() =>
        Assert.That(Lines(Replace(Table("people"), [(StringValue("Bob"), new Literal { Null = new DataType { String = new() } })])).Select(l => l.Split('|')[1]),
            Is.EqualTo(new[] { "Ann", "∅", "Cid", "Dee" }));

    [Test]
    public void NaN_can_be_replaced() =>
        Assert.That(Lines(Replace(Table("gaps"), [(DoubleValue(double.NaN), DoubleValue(0))], "d")).Select(l => l.Split('|')[1]),
            Is.EqualTo(new[] { "1.5", "0.0", "∅", "∅" }));

    [Test]
    public void Replacing_in_an_unknown_column_is_unresolved() =>
        Assert.That(PlanError(Replace(Table("people"), [(LongValue(1), LongValue(2))], "nope")).ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));

    [Test]
    public void Replace_applies_to_what_a_limit_produced() =>
        Assert.That(Lines(Replace(Limit(Table("people"), 1), [(StringValue("Ann"), StringValue("Anna"))])), Is.EqualTo(new[] { "1|Anna|10|100.0" }));
}
