using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>
/// A name the local catalog lacks fails as Spark would: UNRESOLVED_ROUTINE when Spark has no such function,
/// UNSUPPORTED_FEATURE.LOCAL_ENGINE when it is a Spark function this engine does not implement.
/// </summary>
public sealed class UnknownFunctionTests
{
    private const string SearchPath = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";

    // A Spark function (FunctionRegistry: string functions) the local engine does not implement.
    private const string SparkOnly = "sentences";

    private static readonly SqlArgument Column = new("x", new Expression { UnresolvedAttribute = new() { UnparsedIdentifier = "x" } });

    [TestCase("make_coffee")]
    [TestCase("Make_Coffee")]
    [TestCase("||")]
    [TestCase("iff")]
    public void A_name_spark_does_not_know_is_unresolved_routine(string name)
    {
        var error = Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render(name, [Column], false, new NoTypes()))!;

        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("UNRESOLVED_ROUTINE", "42883")));
        Assert.That(error.MessageParameters["routineName"], Is.EqualTo($"`{name}`"));
        Assert.That(error.MessageParameters["searchPath"], Is.EqualTo(SearchPath));
        Assert.That(error.Message, Is.EqualTo($"Cannot resolve routine `{name}` on search path {SearchPath}."));
    }

    [Test]
    public void A_backtick_in_the_name_is_doubled_as_spark_quotes_identifiers()
    {
        var error = Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render("a`b", [], false, new NoTypes()))!;
        Assert.That(error.MessageParameters["routineName"], Is.EqualTo("`a``b`"));
    }

    [TestCase(SparkOnly)]
    [TestCase("SENTENCES")]
    public void A_spark_function_the_engine_lacks_is_unsupported_naming_it(string name)
    {
        Assert.That(FunctionRegistry.TryFind(name), Is.Null, "the case needs a function the engine does not implement");

        var error = Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render(name, [Column], false, new NoTypes()))!;

        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("UNSUPPORTED_FEATURE.LOCAL_ENGINE", "0A000")));
        Assert.That(error.Message, Does.Contain($"'{name}'").And.Contain("Spark function"));
    }

    [Test]
    public void Windows_and_result_typing_raise_the_same_classes()
    {
        Assert.That(Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.RenderWindow("make_coffee", [], "OVER ()", new NoTypes()))!.ErrorClass,
            Is.EqualTo("UNRESOLVED_ROUTINE"));
        Assert.That(Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.RenderWindow(SparkOnly, [Column], "OVER ()", new NoTypes()))!.ErrorClass,
            Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        var argument = new TypedArgument(SparkTypes.String, true, Column.Source);
        Assert.That(Assert.Throws<LocalEngineException>(() => FunctionResultTypes.Of("make_coffee", [argument], false, false))!.ErrorClass,
            Is.EqualTo("UNRESOLVED_ROUTINE"));
        Assert.That(Assert.Throws<LocalEngineException>(() => FunctionResultTypes.Of(SparkOnly, [argument], false, true))!.ErrorClass,
            Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void Known_functions_keep_their_distinct_and_over_errors()
    {
        var distinct = Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render("upper", [Column], true, new NoTypes()))!;
        Assert.That(distinct.ErrorClass, Is.EqualTo("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX"));
        var noOver = Assert.Throws<LocalEngineException>(() => SparkFunctionCatalog.Render("row_number", [], false, new NoTypes()))!;
        Assert.That(noOver.ErrorClass, Is.EqualTo("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"));
    }

    [Test]
    public void Every_name_the_local_catalog_registers_is_a_spark_function()
    {
        // Registering a name Spark does not have would make the engine answer where Spark raises UNRESOLVED_ROUTINE.
        // The one exception is documented (docs/local-engine.md, Functions): the not-equal spellings `!=` and `<>`,
        // which Spark's SQL parser accepts as operators but its function registry does not list.
        string[] localOperatorSpellings = ["!=", "<>"];
        var notSpark = FunctionRegistry.Names.Where(name => !SparkBuiltinFunctions.Contains(name)).Except(localOperatorSpellings);
        Assert.That(notSpark.Order(StringComparer.Ordinal), Is.Empty);
    }

    [Test]
    public void The_embedded_list_loads_sorted_without_duplicates()
    {
        using var stream = typeof(SparkBuiltinFunctions).Assembly.GetManifestResourceStream(SparkBuiltinFunctions.ResourceName);
        Assert.That(stream, Is.Not.Null);
        using var reader = new StreamReader(stream!);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).ToList();
        Assert.That(lines[0], Does.StartWith("#").And.Contain("Spark"), "a header says where the names come from");
        var names = lines.Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(names, Is.Unique);
        Assert.That(SparkBuiltinFunctions.Names, Has.Count.EqualTo(names.Count));
        Assert.That(new[] { "==", "<=>", "and", "or", "+", "when", "struct", "explode", "row_number", "sum", "product" },
            Is.SubsetOf(SparkBuiltinFunctions.Names));
        Assert.That(SparkBuiltinFunctions.Contains("ROW_NUMBER"), Is.True);
    }

    /// <summary>A renderer context that knows no types and binds nothing.</summary>
    private sealed class NoTypes : IFunctionRenderContext
    {
        public string? TypeOf(SqlArgument argument) => null;

        public string Bind(Expression.Types.Literal value) => "$1";
    }
}
