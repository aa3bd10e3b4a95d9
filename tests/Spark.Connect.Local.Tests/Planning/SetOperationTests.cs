using Spark.Connect;
using SetOpType = Spark.Connect.Protocol.SetOperation.Types.SetOpType;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class SetOperationTests : PlannerTestBase
{
    [SetUp]
    public void CreateBags()
    {
        Exec("CREATE TABLE a (x INTEGER, y VARCHAR)");
        Exec("INSERT INTO a VALUES (1, 'p'), (1, 'p'), (2, 'q'), (3, 'r')");
        Exec("CREATE TABLE b (x INTEGER, y VARCHAR)");
        Exec("INSERT INTO b VALUES (1, 'p'), (3, 'r'), (3, 'r'), (4, 's')");
        Exec("CREATE TABLE b_swapped (y VARCHAR, x INTEGER)");
        Exec("INSERT INTO b_swapped VALUES ('s', 4)");
        Exec("CREATE TABLE b_narrow (x INTEGER)");
        Exec("INSERT INTO b_narrow VALUES (9)");
    }

    private Relation SetOp(SetOpType type, bool all, string right = "b", bool byName = false, bool allowMissing = false) =>
        New(r => r.SetOp = new SetOperation
        {
            LeftInput = Table("a"), RightInput = Table(right), SetOpType = type, IsAll = all, ByName = byName, AllowMissingColumns = allowMissing,
        });

    [TestCase(SetOpType.Union, true, new[] { "1|p", "1|p", "1|p", "2|q", "3|r", "3|r", "3|r", "4|s" })]
    [TestCase(SetOpType.Union, false, new[] { "1|p", "2|q", "3|r", "4|s" })]
    [TestCase(SetOpType.Intersect, true, new[] { "1|p", "3|r" })]
    [TestCase(SetOpType.Intersect, false, new[] { "1|p", "3|r" })]
    [TestCase(SetOpType.Except, true, new[] { "1|p", "2|q" })]
    [TestCase(SetOpType.Except, false, new[] { "2|q" })]
    public void SetOperationsWithAndWithoutAll(SetOpType type, bool all, string[] expected) =>
        Assert.That(Lines(SetOp(type, all)).Order(StringComparer.Ordinal), Is.EqualTo(expected));

    [Test]
    public void UnionByNameMatchesColumnsByName()
    {
        Assert.That(Lines(SetOp(SetOpType.Union, true, "b_swapped", byName: true)), Does.Contain("4|s"));
        var missing = PlanError(SetOp(SetOpType.Union, true, "b_narrow", byName: true));
        Assert.That(missing.ErrorClass, Is.EqualTo("NUM_COLUMNS_MISMATCH"));
        Assert.That(Lines(SetOp(SetOpType.Union, true, "b_narrow", byName: true, allowMissing: true)), Does.Contain("9|∅"));
    }

    [Test]
    public void ExceptByNameIsUnsupported() =>
        Assert.That(PlanError(SetOp(SetOpType.Except, false, "b_swapped", byName: true)).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
}
