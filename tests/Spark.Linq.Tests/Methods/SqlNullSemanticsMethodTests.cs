namespace Spark.Linq.Tests.Methods;

/// <summary>Under SparkNullSemantics.Sql the translators drop the C# null bridges.</summary>
public class SqlNullSemanticsMethodTests : MethodPlanTestBase
{
    protected override SparkSessionOptions Options
    {
        get
        {
            var options = base.Options;
            options.NullSemantics = SparkNullSemantics.Sql;
            return options;
        }
    }

    [Test]
    public void Compare_Replace_and_Convert_use_plain_SQL_null_handling()
    {
        Assert.That(Plan(x => string.Compare(x.Tag, x.Name)), Is.EqualTo("when((Tag == Name), 0, (Tag < Name), -1, 1)"));
        Assert.That(Plan(x => x.Name.Replace("a", x.Tag)), Is.EqualTo("replace(Name, 'a', Tag)"));
        Assert.That(Plan(x => Convert.ToInt32(x.Tag)), Is.EqualTo("CAST(Tag AS integer)"));
        Assert.That(Filter(x => x.MaybeState == Status.Pending), Is.EqualTo("(MaybeState == 'Pending')"));
    }
}
