using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// One line per relation for plan snapshots: the relation's kind and what it does (<c>Filter (Amount &gt; 100m (decimal(3,0)))</c>),
/// without its inputs. Known kinds read like the existing plan printer; any other kind lists its own fields generically,
/// so relations added later still print every detail.
/// </summary>
internal sealed class RelationText(ExpressionText expressions)
{
    private static readonly OneofDescriptor RelType = Relation.Descriptor.Oneofs.Single(o => o.Name == "rel_type");

    public string Describe(Relation r) => r.RelTypeCase switch
    {
        Relation.RelTypeOneofCase.Read when r.Read.ReadTypeCase == Read.ReadTypeOneofCase.NamedTable =>
            $"Read {r.Read.NamedTable.UnparsedIdentifier}" + Options(r.Read.NamedTable.Options),
        Relation.RelTypeOneofCase.Read when r.Read.ReadTypeCase == Read.ReadTypeOneofCase.DataSource => DataSource(r.Read.DataSource),
        Relation.RelTypeOneofCase.Sql => Sql(r.Sql),
        Relation.RelTypeOneofCase.Project => $"Project [{expressions.List(r.Project.Expressions)}]",
        Relation.RelTypeOneofCase.Filter => $"Filter {expressions.Print(r.Filter.Condition)}",
        Relation.RelTypeOneofCase.Sort => $"Sort [{string.Join(", ", r.Sort.Order.Select(expressions.Print))}]" + (r.Sort.HasIsGlobal && !r.Sort.IsGlobal ? " within partitions" : string.Empty),
        Relation.RelTypeOneofCase.Limit => $"Limit {Invariant(r.Limit.Limit_)}",
        Relation.RelTypeOneofCase.Offset => $"Offset {Invariant(r.Offset.Offset_)}",
        Relation.RelTypeOneofCase.Tail => $"Tail {Invariant(r.Tail.Limit)}",
        Relation.RelTypeOneofCase.Deduplicate => r.Deduplicate.AllColumnsAsKeys ? "Distinct" : $"Deduplicate [{string.Join(", ", r.Deduplicate.ColumnNames)}]",
        Relation.RelTypeOneofCase.Aggregate => Aggregate(r.Aggregate),
        Relation.RelTypeOneofCase.LocalRelation => LocalRelation(r.LocalRelation),
        Relation.RelTypeOneofCase.Join => $"Join {r.Join.JoinType}" + (r.Join.JoinCondition is null ? string.Empty : " " + expressions.Print(r.Join.JoinCondition))
            + (r.Join.UsingColumns.Count > 0 ? $" USING [{string.Join(", ", r.Join.UsingColumns)}]" : string.Empty),
        Relation.RelTypeOneofCase.SetOp => $"{r.SetOp.SetOpType}{(r.SetOp.IsAll ? " ALL" : string.Empty)}{(r.SetOp.ByName ? " BY NAME" : string.Empty)}",
        Relation.RelTypeOneofCase.SubqueryAlias => $"SubqueryAlias {r.SubqueryAlias.Alias}",
        Relation.RelTypeOneofCase.Range => $"Range ({Invariant(r.Range.Start)}, {Invariant(r.Range.End)}, step {Invariant(r.Range.Step)})",
        _ => Generic(Kind(r), Operator(r)),
    };

    /// <summary>The relation's kind as Spark Connect names it in C#: <c>Filter</c>, <c>Project</c>, <c>SetOp</c>, ….</summary>
    public static string Kind(Relation r) => r.RelTypeCase.ToString();

    /// <summary>The message inside the relation's oneof (the <c>Filter</c>, the <c>Sort</c>, …), or null for an empty relation.</summary>
    public static IMessage? Operator(Relation r)
    {
        var field = RelType.Accessor.GetCaseFieldDescriptor(r);
        return field?.Accessor.GetValue(r) as IMessage;
    }

    /// <summary>The relations a relation reads: each field of its operator holding a relation, in field-number order.</summary>
    public static IReadOnlyList<Relation> Inputs(Relation r)
    {
        if (Operator(r) is not { } op) return [];
        var inputs = new List<Relation>();
        foreach (var field in op.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message || field.MessageType != Relation.Descriptor) continue;
            var value = field.Accessor.GetValue(op);
            if (field.IsRepeated) inputs.AddRange(((IList)value).Cast<Relation>());
            else if (value is Relation input) inputs.Add(input);
        }
        return inputs;
    }

    /// <summary>Every field of <paramref name="message"/> except its input relations: expressions printed, scalars as written, maps sorted by key.</summary>
    public string Generic(string name, IMessage? message)
    {
        if (message is null) return name;
        var parts = new List<string>();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && field.MessageType == Relation.Descriptor) continue;
            if (field.HasPresence && !field.Accessor.HasValue(message)) continue;
            var value = field.Accessor.GetValue(message);
            var text = Value(field, value);
            if (text is not null) parts.Add($"{field.Name}={text}");
        }
        return parts.Count == 0 ? name : $"{name} {string.Join(" ", parts)}";
    }

    private string? Value(FieldDescriptor field, object value)
    {
        if (field.IsMap)
        {
            var entries = ((IDictionary)value).Cast<DictionaryEntry>().Select(e => $"{e.Key}={Scalar(e.Value)}").Order(StringComparer.Ordinal).ToList();
            return entries.Count == 0 ? null : "{" + string.Join(", ", entries) + "}";
        }
        if (field.IsRepeated)
        {
            var items = ((IList)value).Cast<object>().Select(Scalar).ToList();
            return items.Count == 0 ? null : "[" + string.Join(", ", items) + "]";
        }
        if (!field.HasPresence && IsDefault(value)) return null;
        return Scalar(value);
    }

    private string Scalar(object? value) => value switch
    {
        null => "null",
        Expression e => expressions.Print(e),
        Expression.Types.SortOrder s => expressions.Print(s),
        DataType t => SparkTypeNames.Of(t),
        string s => LiteralSpelling.Quote(s, '"'),
        bool b => b ? "true" : "false",
        ByteString bytes => $"<{Invariant(bytes.Length)} bytes>",
        IMessage m => Generic(m.Descriptor.Name, m),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsDefault(object value) => value switch
    {
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong u => u == 0,
        float f => f == 0,
        double d => d == 0,
        ByteString bytes => bytes.IsEmpty,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture) == 0,
        _ => false,
    };

    private string Aggregate(Aggregate a)
    {
        var kind = a.GroupType is Connect.Protocol.Aggregate.Types.GroupType.Groupby or Connect.Protocol.Aggregate.Types.GroupType.Unspecified
            ? "Aggregate" : $"Aggregate {a.GroupType}";
        var text = $"{kind} [{expressions.List(a.GroupingExpressions)}] [{expressions.List(a.AggregateExpressions)}]";
        if (a.Pivot is { } pivot)
            text += $" PIVOT {expressions.Print(pivot.Col)} IN [{string.Join(", ", pivot.Values.Select(expressions.Literal))}]";
        if (a.GroupingSets.Count > 0)
            text += " SETS [" + string.Join(", ", a.GroupingSets.Select(s => "(" + expressions.List(s.GroupingSet) + ")")) + "]";
        return text;
    }

    private string Sql(SQL sql)
    {
        var text = "Sql " + LiteralSpelling.Quote(sql.Query, '"');
        // Named arguments print sorted, so the snapshot does not depend on the order an anonymous object listed them.
        if (sql.NamedArguments.Count > 0)
            text += " {" + string.Join(", ", sql.NamedArguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} = {expressions.Print(a.Value)}")) + "}";
        if (sql.PosArguments.Count > 0) text += " [" + expressions.List(sql.PosArguments) + "]";
        return text;
    }

    private static string DataSource(Read.Types.DataSource source)
    {
        var text = $"Read {(source.HasFormat ? source.Format : "?")} [{string.Join(", ", source.Paths.Select(p => LiteralSpelling.Quote(p, '"')))}]";
        if (source.HasSchema) text += " schema " + LiteralSpelling.Quote(source.Schema, '"');
        return text + Options(source.Options);
    }

    private static string Options(IDictionary<string, string> options) => options.Count == 0 ? string.Empty
        : " {" + string.Join(", ", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={LiteralSpelling.Quote(o.Value, '"')}")) + "}";

    // The Arrow stream's own schema says what the rows are; the rows themselves would drown the plan.
    private static string LocalRelation(LocalRelation local)
    {
        if (!local.HasData) return local.HasSchema ? "LocalRelation schema " + LiteralSpelling.Quote(local.Schema, '"') : "LocalRelation";
        try
        {
            var reader = new Spark.Connect.Arrow.ArrowStreamReader(local.Data.Memory);
            var rows = 0L;
            while (reader.ReadNextBatch() is { } batch) rows += batch.Length;
            return $"LocalRelation [{reader.Schema}] ({Invariant(rows)} rows)";
        }
        catch (Spark.Connect.Arrow.ArrowFormatException)
        {
            return $"LocalRelation ({Invariant(local.Data.Length)} bytes of unreadable Arrow data)";
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
