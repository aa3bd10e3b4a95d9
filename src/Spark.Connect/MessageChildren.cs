using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Spark.Connect;

/// <summary>
/// The messages directly inside a protobuf message, in field-number order (a repeated field's items in order, a map's
/// values in insertion order, which <c>Clone</c> keeps): what every iterative walk over a plan steps into. The walks
/// differ in what they do and where they stop; this is the part they share.
/// </summary>
internal static class MessageChildren
{
    /// <summary>Appends the messages directly inside <paramref name="message"/> to <paramref name="children"/>.</summary>
    public static void AddTo(IMessage message, List<IMessage> children)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.Message or FieldType.Group)) continue;
            switch (field.Accessor.GetValue(message))
            {
                case IDictionary map:
                    foreach (var value in map.Values) if (value is IMessage child) children.Add(child);
                    break;
                case IList list when field.IsRepeated:
                    foreach (var item in list) if (item is IMessage child) children.Add(child);
                    break;
                case IMessage child:
                    children.Add(child);
                    break;
            }
        }
    }
}
