using Spark.Connect;
using Spark.Connect.Local.DuckDb;
using FrameType = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame.Types.FrameType;
using Boundary = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class ExpressionTests : PlannerTestBase
{
    [SetUp]
    public void CreateNested()
    {
        Exec("CREATE TABLE nested (id INTEGER, s STRUCT(a INTEGER, \"b c\" VARCHAR), xs INTEGER[], m MAP(VARCHAR, INTEGER))");
        Exec("INSERT INTO nested VALUES (1, {'a': 5, 'b c': 'five'}, [10, 20, 30], MAP(['k'], [7]))");
    }

    private static Expression Extract(Expression child, Literal key) =>
        new() { UnresolvedExtractValue = new() { Child = child, Extraction = Lit(key) } };

    private static Expression Cast(Expression child, DataType type, Expression.Types.Cast.Types.EvalMode mode = Expression.Types.Cast.Types.EvalMode.Unspecified) =>
        new() { Cast = new() { Expr = child, Type = type, EvalMode = mode } };

    [Test]
    public void ExtractValueReadsStructFieldsArraysFromZeroAndMapKeys()
    {
        var plan = Project(Table("nested"),
            Extract(Col("s"), new Literal { String = "b c" }),
            Alias(Extract(Col("xs"), new Literal { Integer = 0 }), "first"),
            Alias(Extract(Col("m"), new Literal { String = "k" }), "mk"),
            Alias(Col("s.a"), "dotted"),
            Alias(Extract(Col("m"), new Literal { String = "missing" }), "absent"));
        Assert.That(Columns(plan)[0], Is.EqualTo("b c"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "five|10|7|5|∅" }), "a missing map key is null, as in Spark");
    }

    [Test]
    public void CastIsAnsiAndTryCastIsNullOnFailure()
    {
        var intType = new DataType { Integer = new DataType.Types.Integer() };
        var ok = Project(Table("depts"), Alias(Cast(Lit("42"), intType), "v"));
        Assert.That(Lines(ok).Distinct(), Is.EqualTo(new[] { "42" }));
        var tried = Project(Table("depts"), Alias(Cast(Lit("nope"), intType, Expression.Types.Cast.Types.EvalMode.Try), "v"));
        Assert.That(Lines(tried).Distinct(), Is.EqualTo(new[] { "∅" }));
        var failing = Project(Table("depts"), Cast(Lit("nope"), intType));
        Assert.Throws<DuckDbException>(() => Rows(failing));
        var byName = Project(Table("depts"), Alias(new Expression { Cast = new() { Expr = Lit("1.5"), TypeStr = "decimal(4, 2)" } }, "d"));
        Assert.That(Lines(byName).Distinct(), Is.EqualTo(new[] { "1.50" }));
    }

    [Test]
    public void CastToNestedTypes()
    {
        var strings = new DataType { Array = new DataType.Types.Array { ElementType = new DataType { String = new DataType.Types.String() } } };
        var plan = Project(Table("nested"), Alias(Cast(Col("xs"), strings), "texts"), Alias(Fn("type_probe", Cast(Col("xs"), strings)), "t"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "[10, 20, 30]|VARCHAR[]" }));
    }

    [Test]
    public void ConstructsWithoutALocalMeaningAreRefused()
    {
        var legacy = new Expression { Cast = new() { Expr = Col("id"), TypeStr = "int", EvalMode = Expression.Types.Cast.Types.EvalMode.Legacy } };
        Assert.That(PlanError(Project(Table("people"), legacy)).Message, Does.Contain("LEGACY"));
        var twoNames = new Expression { Alias = new() { Expr = Col("id"), Name = { "a", "b" } } };
        Assert.That(PlanError(Project(Table("people"), twoNames)).Message, Does.Contain("several names"));
        var computedBoundary = Window(Fn("sum", Col("id")), FrameType.Row, new Boundary { Value = Col("id") }, new Boundary { CurrentRow = true });
        Assert.That(PlanError(Project(Table("people"), computedBoundary)).Message, Does.Contain("frame boundary"));
        var badType = new Expression { Cast = new() { Expr = Col("id"), TypeStr = "interval day" } };
        Assert.That(PlanError(Project(Table("people"), badType)).Message, Does.Contain("interval day"));
        var metadata = new Expression { UnresolvedAttribute = new() { UnparsedIdentifier = "_metadata", IsMetadataColumn = true } };
        Assert.That(PlanError(Project(Table("people"), metadata)).Message, Does.Contain("metadata"));
    }

    [Test]
    public void StarExpandsAllOrOneSide()
    {
        var people = Table("people");
        var depts = Table("depts");
        var join = Join(people, depts, Fn("==", Col(people, "dept"), Col(depts, "dept")));
        var oneSide = Project(join, new Expression { UnresolvedStar = new() { PlanId = depts.Common.PlanId } }, Col(people, "id"));
        Assert.That(Columns(oneSide), Is.EqualTo(new[] { "dept", "title", "id" }));
        var aliased = New(r => r.SubqueryAlias = new SubqueryAlias { Input = Table("depts"), Alias = "d" });
        var target = Project(aliased, new Expression { UnresolvedStar = new() { UnparsedTarget = "d.*" } });
        Assert.That(Columns(target), Is.EqualTo(new[] { "dept", "title" }));
        var structStar = Project(Table("nested"), new Expression { UnresolvedStar = new() { UnparsedTarget = "s.*" } });
        Assert.That(Columns(structStar), Is.EqualTo(new[] { "a", "b c" }));
    }

    private static Expression Window(Expression function, FrameType? frame, Boundary? lower = null, Boundary? upper = null)
    {
        var window = new Expression.Types.Window { WindowFunction = function };
        window.PartitionSpec.Add(Col("dept"));
        window.OrderSpec.Add(Asc(Col("id")));
        if (frame is { } type)
            window.FrameSpec = new() { FrameType = type, Lower = lower, Upper = upper };
        return new Expression { Window = window };
    }

    private static Boundary Offset(int value) => new() { Value = Lit(value) };

    [Test]
    public void WindowsWithPartitionOrderAndFrames()
    {
        Exec("CREATE TABLE w (id INTEGER, dept INTEGER, v INTEGER)");
        Exec("INSERT INTO w VALUES (1, 1, 1), (2, 1, 10), (3, 1, 100), (4, 2, 1000), (5, 1, 10000)");
        var rows = Window(Fn("sum", Col("v")), FrameType.Row, Offset(-1), new Boundary { CurrentRow = true });
        var ahead = Window(Fn("sum", Col("v")), FrameType.Row, new Boundary { CurrentRow = true }, new Boundary { Unbounded = true });
        var range = Window(Fn("sum", Col("v")), FrameType.Range, Offset(-1), Offset(1));
        var number = Window(Fn("row_number"), null);
        var plan = SortBy(Project(Table("w"), Col("id"), Alias(rows, "r"), Alias(ahead, "a"), Alias(range, "g"), Alias(number, "n")), "id");
        Assert.That(Lines(plan), Is.EqualTo(new[]
        {
            "1|1|10111|11|1", "2|11|10110|111|2", "3|110|10100|110|3", "4|1000|1000|1000|1", "5|10100|10000|10000|4",
        }));
    }

    [Test]
    public void FunctionRenderersCanAskForArgumentTypes()
    {
        var plan = Project(Table("people"), Alias(Fn("type_probe", Col("salary")), "t"), Alias(Fn("type_probe", Fn("+", Col("id"), Lit(1L))), "u"));
        Assert.That(Lines(plan).Distinct(), Is.EqualTo(new[] { "DOUBLE|BIGINT" }));
    }

    [Test]
    public void UnsupportedExpressionKindsNameTheConstruct()
    {
        var cases = new Dictionary<Expression, string>
        {
            [new Expression { UnresolvedRegex = new() { ColName = "`i.*`" } }] = "regex",
            [new Expression { CommonInlineUserDefinedFunction = new() { FunctionName = "f" } }] = "user-defined",
        };
        foreach (var (expression, construct) in cases)
        {
            var error = PlanError(Project(Table("people"), expression));
            Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
            Assert.That(error.Message, Does.Contain(construct));
        }
    }

    [Test]
    public void FunctionNamesSparkDoesNotKnowAreUnresolvedRoutines()
    {
        var error = PlanError(Project(Table("people"), Fn("no_such_function", Col("id"))));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("UNRESOLVED_ROUTINE", "42883")));
        Assert.That(error.MessageParameters["routineName"], Is.EqualTo("`no_such_function`"));
        var sparkOnly = PlanError(Project(Table("people"), Fn("sentences", Col("name"))));
        Assert.That(sparkOnly.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(sparkOnly.Message, Does.Contain("sentences"));
    }

    [Test]
    public void UnaliasedExpressionsGetSparkStyleNames()
    {
        var longType = new DataType { Long = new DataType.Types.Long() };
        var plan = Project(Table("people"), Col("people.name"), Fn("==", Col("id"), Lit(1L)), Lit(7L), Lit("text"),
            Cast(Col("id"), longType), Fn("and", Fn(">", Col("id"), Lit(1)), Fn("<", Col("id"), Lit(3))));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "name", "(id = 1)", "7", "text", "CAST(id AS BIGINT)", "((id > 1) AND (id < 3))" }));
    }

    [Test]
    public void CorrelatedSubqueriesReferToTheEnclosingInputByPlanId()
    {
        // people.select(name, (SELECT count(*) FROM people AS colleagues WHERE colleagues.dept = outer.dept)).
        var outer = Table("people");
        var colleagues = Table("people");
        var count = Aggregate(Filter(colleagues, Fn("==", Col(colleagues, "dept"), Col(outer, "dept"))), [], Fn("count", Col(colleagues, "id")));
        var scalar = new Expression { SubqueryExpression = new() { PlanId = count.Common.PlanId, SubqueryType = SubqueryExpression.Types.SubqueryType.Scalar } };
        var root = SortBy(Project(outer, Col(outer, "name"), Alias(scalar, "same_dept")), "name");
        var plan = New(r => r.WithRelations = new WithRelations { Root = root, References = { count } });
        Assert.That(Lines(plan), Is.EqualTo(new[] { "Ann|2", "Bob|2", "Cid|1", "Dee|0" }));
    }

    [Test]
    public void ExistsSubquery()
    {
        var engineering = Filter(Table("depts"), Fn("==", Col("title"), Lit("Eng")));
        var exists = new Expression { SubqueryExpression = new() { PlanId = engineering.Common.PlanId, SubqueryType = SubqueryExpression.Types.SubqueryType.Exists } };
        var plan = New(r => r.WithRelations = new WithRelations { Root = Project(Table("depts"), Alias(exists, "e")), References = { engineering } });
        Assert.That(Lines(plan).Distinct(), Is.EqualTo(new[] { "true" }));
        var missing = New(r => r.WithRelations = new WithRelations { Root = Project(Table("depts"), exists) });
        Assert.That(PlanError(missing).ErrorClass, Is.EqualTo("INVALID_PLAN"));
    }

    [Test]
    public void ScalarExistsAndInSubqueriesFromWithRelations()
    {
        var maxDept = Aggregate(Table("depts"), [], Fn("max", Col("dept")));
        var subquery = new Expression { SubqueryExpression = new() { PlanId = maxDept.Common.PlanId, SubqueryType = SubqueryExpression.Types.SubqueryType.Scalar } };
        var inDepts = new Expression { SubqueryExpression = new() { PlanId = maxDept.Common.PlanId, SubqueryType = SubqueryExpression.Types.SubqueryType.In, InSubqueryValues = { Col("dept") } } };
        var root = Project(Filter(Table("people"), Fn("<", Col("dept"), subquery)), Col("name"), Alias(inDepts, "is_max"));
        var with = New(r => r.WithRelations = new WithRelations { Root = root, References = { maxDept } });
        Assert.That(Lines(with).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Ann|false", "Bob|false", "Cid|false" }));
    }
}
