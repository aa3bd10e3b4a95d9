using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
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
        var pending = new Stack<IMessage>();
        pending.Push(copy);
        while (pending.Count > 0)
        {
            var message = pending.Pop();
            if (message is Literal literal)
            {
                if (literal.LiteralTypeCase != Literal.LiteralTypeOneofCase.Null) literal.ClearLiteralType();
                continue;
            }
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (field.FieldType != FieldType.Message && !field.IsMap) continue;
                switch (field.Accessor.GetValue(message))
                {
                    case IMessage child:
                        pending.Push(child);
                        break;
                    case IDictionary map:
                        foreach (var value in map.Values) if (value is IMessage child) pending.Push(child);
                        break;
                    case IEnumerable list when field.IsRepeated:
                        foreach (var value in list) if (value is IMessage child) pending.Push(child);
                        break;
                }
            }
        }
        return copy;
    }
}
