using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Plans;

/// <summary>
/// A copy of a plan whose literal values are gone, for logs: every non-null literal (captured variables, constants, SQL
/// arguments, the elements of array, map and struct literals) loses its value and prints as <c>?</c>. Table and column
/// names, SQL text written in code and the shape of the plan stay, so the text still says what the query does.
/// </summary>
internal static class LiteralRedactor
{
    public static Relation Redact(Relation relation)
    {
        var copy = relation.Clone();
        // A literal is emptied when the walk reaches it, before its children are read, so the elements of an array,
        // map or struct literal go with it; a null literal keeps its type.
        PlanWalk.Visit(copy, message =>
        {
            if (message is Literal { LiteralTypeCase: not Literal.LiteralTypeOneofCase.Null } literal) literal.ClearLiteralType();
        });
        return copy;
    }
}
