using Google.Protobuf.Reflection;

namespace Spark.Connect.Tests.Contract;

/// <summary>One field as the contract sees it: label is "", "optional", "repeated" or "map";
/// type is a scalar keyword, a full message/enum name, or "map&lt;K, V&gt;" with full names.</summary>
internal sealed record ContractField(string Name, int Number, string Label, string Type, string? Oneof);

internal sealed record ContractRpc(string Name, string Input, string Output, bool ClientStreaming, bool ServerStreaming);

/// <summary>
/// Messages, enums and services keyed by full name, in a shape both the wire listing and
/// the generated descriptors can be turned into, so that they can be compared one to one.
/// </summary>
internal sealed class ContractModel
{
    public Dictionary<string, List<ContractField>> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, int>> Enums { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ContractRpc>> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>What the generated code declares: every message and enum of the files, nested ones too.</summary>
    public static ContractModel FromDescriptors(IEnumerable<FileDescriptor> files)
    {
        var model = new ContractModel();
        foreach (var file in files)
        {
            foreach (var message in file.MessageTypes) model.AddMessage(message);
            foreach (var enumType in file.EnumTypes) model.AddEnum(enumType);
            foreach (var service in file.Services)
            {
                model.Services[service.FullName] = service.Methods
                    .Select(m => new ContractRpc(m.Name, m.InputType.FullName, m.OutputType.FullName, m.IsClientStreaming, m.IsServerStreaming))
                    .ToList();
            }
        }
        return model;
    }

    /// <summary>Adds one message (and what it nests) as declared by a descriptor.</summary>
    public void AddMessage(MessageDescriptor message)
    {
        var mapEntries = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<ContractField>();
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.IsMap) mapEntries.Add(field.MessageType.FullName);
            fields.Add(Describe(field));
        }
        Messages[message.FullName] = fields;
        foreach (var nested in message.NestedTypes.Where(n => !mapEntries.Contains(n.FullName))) AddMessage(nested);
        foreach (var nested in message.EnumTypes) AddEnum(nested);
    }

    private void AddEnum(EnumDescriptor enumType) =>
        Enums[enumType.FullName] = enumType.Values.ToDictionary(v => v.Name, v => v.Number, StringComparer.Ordinal);

    private static ContractField Describe(FieldDescriptor field)
    {
        var isProto3Optional = field.ContainingOneof is { IsSynthetic: true };
        var label = field.IsMap ? "map" : field.IsRepeated ? "repeated" : isProto3Optional ? "optional" : "";
        var type = field.IsMap
            ? $"map<{TypeOf(field.MessageType.FindFieldByNumber(1))}, {TypeOf(field.MessageType.FindFieldByNumber(2))}>"
            : TypeOf(field);
        return new ContractField(field.Name, field.FieldNumber, label, type, field.RealContainingOneof?.Name);
    }

    private static string TypeOf(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => field.MessageType.FullName,
        FieldType.Enum => field.EnumType.FullName,
        FieldType.Double => "double",
        FieldType.Float => "float",
        FieldType.Int64 => "int64",
        FieldType.UInt64 => "uint64",
        FieldType.Int32 => "int32",
        FieldType.Fixed64 => "fixed64",
        FieldType.Fixed32 => "fixed32",
        FieldType.Bool => "bool",
        FieldType.String => "string",
        FieldType.Bytes => "bytes",
        FieldType.UInt32 => "uint32",
        FieldType.SFixed32 => "sfixed32",
        FieldType.SFixed64 => "sfixed64",
        FieldType.SInt32 => "sint32",
        FieldType.SInt64 => "sint64",
        _ => throw new InvalidOperationException($"Unexpected field type {field.FieldType} of {field.FullName}."),
    };
}
