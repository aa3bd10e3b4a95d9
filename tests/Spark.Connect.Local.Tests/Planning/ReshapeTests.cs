using Spark.Connect;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>df.unpivot and df.to(schema) through the resolver.</summary>
public sealed class ReshapeTests : RelationKindTestBase
{
    private Relation Unpivot(Relation input, string[] ids, string[]? values, string variable = "var", string value = "val")
    {
        var unpivot = new Unpivot { Input = input, VariableColumnName = variable, ValueColumnName = value };
        unpivot.Ids.AddRange(ids.Select(i => Col(i)));
        if (values is not null)
        {
            unpivot.Values = new Unpivot.Types.Values();
            unpivot.Values.Values_.AddRange(values.Select(v => Col(v)));
        }
        return New(r => r.Unpivot = unpivot);
    }

    private Relation To(Relation input, params (string Name, DataType Type, bool Nullable)[] fields)
    {
        var schema = new DataType.Types.Struct();
        schema.Fields.AddRange(fields.Select(f => new DataType.Types.StructField { Name = f.Name, DataType = f.Type, Nullable = f.Nullable }));
        return New(r => r.ToSchema = new ToSchema { Input = input, Schema = new DataType { Struct = schema } });
    }

    private static readonly DataType Long = new() { Long = new() };
    private static readonly DataType Double = new() { Double = new() };
    private static readonly DataType Int = new() { Integer = new() };
    private static readonly DataType String = new() { String = new() };

    [Test]
    public void Unpivot_gives_each_rows_values_in_order_widened_to_one_type()
    {
        var plan = Unpivot(Limit(Table("people"), 2), ["id"], ["dept", "salary"]);
        Assert.That(Lines(plan), Is.EqualTo(new[] { "1|dept|10.0", "1|salary|100.0", "2|dept|10.0", "2|salary|200.0" }));
        Assert.That(Schema(plan), Is.EqualTo(new[] { "id:int?", "var:string", "val:double?" }));
    }

    [Test]
    public void Unpivot_without_values_takes_every_column_that_is_not_an_id() =>
        Assert.That(Lines(Unpivot(Project(Filter(Table("people"), Fn("==", Col("id"), Lit(4))), Col("id"), Col("name"), Col("dept")), ["name"], null, "k", "v")),
            Is.EqualTo(new[] { "Dee|id|4", "Dee|dept|∅" }));

    [Test]
    public void Unpivot_of_values_without_a_common_type_is_Sparks_error() =>
        Assert.That(PlanError(Unpivot(Table("people"), ["id"], ["name", "salary"])).ErrorClass, Is.EqualTo("UNPIVOT_VALUE_DATA_TYPE_MISMATCH"));

    [Test]
    public void Unpivot_with_every_column_an_id_needs_values() =>
        Assert.That(PlanError(Unpivot(Table("depts"), ["dept", "title"], null)).ErrorClass, Is.EqualTo("UNPIVOT_REQUIRES_VALUE_COLUMNS"));

    [Test]
    public void Unpivot_of_empty_input_is_empty() =>
        Assert.That(Lines(Unpivot(Limit(Table("people"), 0), ["id"], ["dept"])), Is.Empty);

    [Test]
    public void To_reorders_by_name_casts_and_drops_other_columns()
    {
        var plan = To(Filter(Table("people"), Fn(">", Col("id"), Lit(2))), ("SALARY", Long, true), ("id", Long, true), ("name", String, true));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "300|3|Cid", "400|4|Dee" }));
        Assert.That(Schema(plan), Is.EqualTo(new[] { "SALARY:bigint?", "id:bigint?", "name:string?" }));
    }

    [Test]
    public void To_writes_doubles_as_Spark_strings() =>
        Assert.That(Lines(To(Limit(Table("people"), 1), ("salary", String, true))), Is.EqualTo(new[] { "100.0" }));

    [Test]
    public void To_a_field_the_input_lacks_is_unresolved() =>
        Assert.That(PlanError(To(Table("people"), ("id", Int, true), ("bonus", Double, true))).ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));

    [Test]
    public void To_a_type_store_assignment_refuses_is_an_error() =>
        Assert.That(PlanError(To(Table("people"), ("name", Int, true))).ErrorClass, Is.EqualTo("INVALID_COLUMN_OR_FIELD_DATA_TYPE"));

    [Test]
    public void To_a_non_nullable_field_from_a_nullable_column_is_an_error() =>
        Assert.That(PlanError(To(Table("people"), ("id", Int, false))).ErrorClass, Is.EqualTo("NULLABLE_COLUMN_OR_FIELD"));
}
