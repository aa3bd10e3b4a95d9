namespace Spark.Connect.Local.Planning.Sql.Statements;

internal sealed partial class StatementParser
{
    /// <summary>
    /// <c>DESC[RIBE] FUNCTION [EXTENDED] name</c> after <c>FUNCTION</c>: the name is an identifier (possibly qualified), a
    /// string literal or an operator (<c>&lt;&gt;</c>, <c>||</c>, <c>~</c>, …), as SqlBaseParser's describeFuncName allows.
    /// </summary>
    private DescribeFunctionStatement DescribeFunction()
    {
        var extended = IsWord("EXTENDED") && PeekAt(1).Kind != SparkTokenKind.End && AcceptWord("EXTENDED");
        switch (Current.Kind)
        {
            case SparkTokenKind.String:
                return new DescribeFunctionStatement([StringLiteral()], extended);
            case SparkTokenKind.Symbol when !Current.IsSymbol(";"):
                return new DescribeFunctionStatement([Advance().Text], extended);
            case SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier:
                // Reserved words name functions too here (`DESC FUNCTION case`, `DESC FUNCTION and`).
                var parts = new List<string> { Identifier(_ => false) };
                while (AcceptSymbol("."))
                    parts.Add(Identifier(_ => false));
                return new DescribeFunctionStatement(parts, extended);
            default:
                throw Error("missing a function name");
        }
    }
}
