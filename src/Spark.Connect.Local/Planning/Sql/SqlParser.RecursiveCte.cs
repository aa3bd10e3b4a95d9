namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// <c>WITH RECURSIVE name [(columns)] [MAX RECURSION LEVEL n] [AS] (query)</c> (Spark 4.1). While its own query is read,
/// the name reads as a <see cref="RecursiveCte.Reference"/>; a definition that reads itself becomes a
/// <see cref="RecursiveCte"/> extension, which <see cref="Resolution.RecursiveCteResolver"/> checks and runs level by
/// level as Spark's UnionLoop does. One that does not is an ordinary common table expression.
/// </summary>
internal sealed partial class SqlParser
{
    // Recursive definitions whose name some reference read while their query was parsed.
    private readonly HashSet<long> _readRecursiveCtes = [];

    private void RecursiveCommonTableExpression()
    {
        var name = Identifier();
        var columns = IsSymbol("(") ? IdentifierList() : null;
        int? maxLevel = null;
        if (AcceptWord("MAX"))
        {
            ExpectWord("RECURSION");
            ExpectWord("LEVEL");
            maxLevel = RowCount(Expr(), "MAX RECURSION LEVEL");
        }
        AcceptWord("AS");
        var id = RecursiveCte.NewId();
        // The name is in scope while its own query is read (a reference to itself); the definition replaces it after.
        AddCommonTable(name, RecursiveCte.Reference(id, name));
        Relation relation;
        try
        {
            relation = ParenthesisedQuery();
        }
        finally
        {
            _ctes[^1].Remove(name);
        }
        if (_readRecursiveCtes.Contains(id))
            relation = RecursiveCte.Of(new RecursiveCte.Definition(id, name, relation, columns ?? [], maxLevel));
        else if (columns is not null)
            relation = Renamed(relation, columns);
        AddCommonTable(name, relation);
    }
}
