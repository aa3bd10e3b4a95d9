using Google.Protobuf;
using Google.Protobuf.Reflection;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Service.Views;

/// <summary>
/// Fixes what a new view reads at creation, as Spark does when it analyzes the view's plan: every
/// named-table read of an existing temporary view inside it is replaced by that view's relation (under the
/// view's name as alias). So replacing <c>v</c> with <c>table("v").filter(…)</c> reads the old <c>v</c>,
/// and a stored view never refers to another view, so expanding one can't loop.
/// </summary>
internal static class ViewCapture
{
    internal static Relation Capture(Relation relation, Func<IReadOnlyList<string>, Relation?> findView)
    {
        var copy = relation.Clone();
        Visit(copy, findView);
        return copy;
    }

    // Walks every message field (relations nest inside relations and inside expressions' subqueries).
    private static void Visit(IMessage message, Func<IReadOnlyList<string>, Relation?> findView)
    {
        if (message is Relation { Read.NamedTable: { } table } relation && findView(MultipartIdentifier.Parse(table.UnparsedIdentifier)) is { } view)
        {
            var parts = MultipartIdentifier.Parse(table.UnparsedIdentifier);
            // Stored views are already captured, so the replacement needs no further visit.
            relation.SubqueryAlias = new SubqueryAlias { Input = view.Clone(), Alias = parts[^1] };
            return;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            // Map values (named SQL arguments) are expressions, which hold no relations of their own.
            if (field.FieldType != FieldType.Message || field.IsMap)
                continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)value)
                {
                    if (item is IMessage child)
                        Visit(child, findView);
                }
            }
            else if (value is IMessage child)
            {
                Visit(child, findView);
            }
        }
    }
}
