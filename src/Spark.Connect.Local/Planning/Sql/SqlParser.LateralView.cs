namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>LATERAL VIEW [OUTER] generator(args) table [AS] column, …</c> after the FROM clause: each row of the FROM clause
/// with the rows the generator makes of it, as Spark's Generate. It becomes a projection of <c>*</c> and the generator
/// (aliased by the column names), which the generator resolver expands as it does in a select list; OUTER picks the
/// generator's <c>_outer</c> form, which keeps a row whose collection is empty or null.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> OuterGenerators = new(StringComparer.OrdinalIgnoreCase) { "explode", "posexplode", "inline" };

    private bool AtLateralView => IsWord("LATERAL") && PeekAt(1).IsWord("VIEW");

    private Relation LateralView(Relation input)
    {
        Advance();
        Advance();
        var outer = AcceptWord("OUTER");
        var name = string.Join(".", MultipartName()).ToLowerInvariant();
        var arguments = ParenthesisedExpressions();
        if (outer)
        {
            if (!OuterGenerators.Contains(name))
                throw SqlParseErrors.Unsupported($"LATERAL VIEW OUTER {name}", "Use OUTER with explode, posexplode or inline.");
            name += "_outer";
        }
        // The table alias names the view; its columns are reached by their own names here (t.c is not resolved).
        Identifier();
        var columns = new List<string>();
        if (AcceptWord("AS") || AtIdentifier)
        {
            do columns.Add(Identifier());
            while (AcceptSymbol(","));
        }
        var generator = Call(name, arguments);
        var project = new Project { Input = input };
        project.Expressions.Add(new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() });
        project.Expressions.Add(columns.Count > 0 ? Alias(generator, columns) : generator);
        return new Relation { Project = project };
    }
}
