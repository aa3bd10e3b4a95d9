using System.Linq.Expressions;
using System.Reflection;
using Spark.Connect.Arrow;
using Spark.Linq.Mapping;

namespace Spark.Linq.Materialization;

/// <summary>Object shapes (tuples, anonymous types, classes and records) and collections (lists, maps).</summary>
internal sealed partial class MaterializerCompiler
{
    private Expression ReadObject(Type target, ColumnSet set, Expression row)
    {
        if (TypeNames.IsTuple(target))
            return ReadTuple(target, set, row);
        if (TypeNames.IsAnonymous(target))
        {
            // Anonymous types: one constructor, its parameters in member order and named like the members.
            var constructor = target.GetConstructors()[0];
            var arguments = constructor.GetParameters().Select(p => ReadMember(set, p.Name!, p.ParameterType, target, p.Name!, row));
            return Expression.New(constructor, arguments);
        }
        return ReadEntity(target, set, row);
    }

    /// <summary>Tuples and value tuples by position: column i is Item(i+1); the eighth element (Rest) continues from column 7.</summary>
    private Expression ReadTuple(Type target, ColumnSet set, Expression row)
    {
        var elements = target.GetGenericArguments();
        var needed = CountTupleColumns(target);
        if (set.Fields.Count < needed)
            throw new SparkMaterializationException(
                $"{TypeNames.Of(target)} needs {needed} columns but the result has {set.Fields.Count}. Columns that arrived: {set.Describe()}.");
        var arguments = new Expression[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            arguments[i] = i == 7
                ? ReadObject(elements[7], set.Skip(7), row)
                : ReadValue(elements[i], set.Fields[i], set.ColumnAt(i), set.Prefix + set.Fields[i].Name, row);
        }
        return Expression.New(target.GetConstructor(elements)!, arguments);
    }

    private static int CountTupleColumns(Type tuple)
    {
        var elements = tuple.GetGenericArguments();
        return elements.Length == 8 && TypeNames.IsTuple(elements[7]) ? 7 + CountTupleColumns(elements[7]) : elements.Length;
    }

    /// <summary>
    /// Classes, records and structs, named by <see cref="EntityMapping"/>: the public constructor
    /// with the most parameters that all match mapped members by name (case-insensitively) takes
    /// those members' columns; every other settable or init-only mapped member is assigned.
    /// Get-only members that no constructor parameter sets are computed, so need no column.
    /// </summary>
    private Expression ReadEntity(Type target, ColumnSet set, Expression row)
    {
        var mapping = EntityMapping.For(target, _naming);
        MappedMember? MemberFor(ParameterInfo parameter) =>
            mapping.Members.FirstOrDefault(m => string.Equals(m.Member.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        var constructor = target.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => c.GetParameters().All(p => MemberFor(p) is not null))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null && !target.IsValueType)
            throw new SparkMaterializationException(
                $"{TypeNames.Of(target)} has no public constructor the materializer can call: give it a parameterless constructor, " +
                "or one whose parameters are named after its properties.");

        var consumed = new HashSet<MemberInfo>();
        var arguments = new List<Expression>();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            var member = MemberFor(parameter)!;
            consumed.Add(member.Member);
            arguments.Add(ReadMember(set, member.ColumnName, parameter.ParameterType, target, member.Member.Name, row));
        }
        var bindings = new List<MemberBinding>();
        foreach (var member in mapping.Members)
        {
            if (consumed.Contains(member.Member) || !IsWritable(member.Member))
                continue;
            bindings.Add(Expression.Bind(member.Member, ReadMember(set, member.ColumnName, member.ClrType, target, member.Member.Name, row)));
        }
        var creation = constructor is null ? Expression.New(target) : Expression.New(constructor, arguments);
        return bindings.Count == 0 ? creation : Expression.MemberInit(creation, bindings);
    }

    private static bool IsWritable(MemberInfo member) => member switch
    {
        PropertyInfo property => property.SetMethod is { IsPublic: true },
        FieldInfo field => !field.IsInitOnly && !field.IsLiteral,
        _ => false,
    };

    private Expression ReadMember(ColumnSet set, string column, Type type, Type owner, string member, Expression row)
    {
        var index = FindColumn(set, column);
        if (index < 0)
            throw Missing(set, column, owner, member);
        return ReadValue(type, set.Fields[index], set.ColumnAt(index), set.Prefix + set.Fields[index].Name, row);
    }

    /// <summary>An array or list of row <paramref name="row"/>'s elements, each read with the same rules as a column.</summary>
    private Expression ReadList(Type target, Type element, ParameterExpression list, ArrowField itemField, string path, Expression row)
    {
        var index = Expression.Variable(typeof(int), "element");
        var item = ReadValue(element, itemField, Expression.Property(list, nameof(ListColumn.Values)), path + "[]", index);
        var asArray = target.IsArray;
        var result = Expression.Variable(asArray ? element.MakeArrayType() : typeof(List<>).MakeGenericType(element), "items");
        var create = asArray
            ? (Expression)Expression.NewArrayBounds(element, Length(list, row))
            : Expression.New(result.Type.GetConstructor([typeof(int)])!, Length(list, row));
        return Loop(list, row, index, result, create,
            position => asArray ? Expression.Assign(Expression.ArrayAccess(result, position), item) : Expression.Call(result, "Add", null, item),
            target);
    }

    /// <summary>A dictionary of row <paramref name="row"/>'s entries; a repeated key keeps its last value.</summary>
    private Expression ReadMap(Type target, Type key, Type value, ParameterExpression map, ArrowField entries, string path, Expression row)
    {
        var index = Expression.Variable(typeof(int), "entry");
        Expression keyRead = ReadValue(key, entries.Children[0], Expression.Property(map, nameof(MapColumn.Keys)), path + ".key", index);
        if (!key.IsValueType)
        {
            // Arrow declares map keys non-null; a null from a faulty writer must not reach Dictionary's indexer.
            var check = typeof(ColumnReads).GetMethod(nameof(ColumnReads.NonNullKey), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(key);
            keyRead = Expression.Call(check, keyRead, Expression.Constant(path + ".key"), index);
        }
        var valueRead = ReadValue(value, entries.Children[1], Expression.Property(map, nameof(MapColumn.Items)), path + ".value", index);
        var dictionary = typeof(Dictionary<,>).MakeGenericType(key, value);
        var result = Expression.Variable(dictionary, "entries");
        var create = Expression.New(dictionary.GetConstructor([typeof(int)])!, Length(map, row));
        return Loop(map, row, index, result, create,
            _ => Expression.Assign(Expression.Property(result, "Item", keyRead), valueRead),
            target);
    }

    private static MethodCallExpression Length(ParameterExpression list, Expression row) =>
        Expression.Call(list, nameof(ListColumn.GetLength), null, row);

    /// <summary>result = create; for k in 0..length: index = start + k; store(k); then result as <paramref name="target"/>.</summary>
    private static Expression Loop(ParameterExpression list, Expression row, ParameterExpression index, ParameterExpression result,
        Expression create, Func<ParameterExpression, Expression> store, Type target)
    {
        var start = Expression.Variable(typeof(int), "start");
        var position = Expression.Variable(typeof(int), "position");
        var count = Expression.Variable(typeof(int), "count");
        var done = Expression.Label("done");
        return Expression.Block(
            [start, position, count, index, result],
            Expression.Assign(start, Expression.Call(list, nameof(ListColumn.GetStart), null, row)),
            Expression.Assign(count, Expression.Call(list, nameof(ListColumn.GetLength), null, row)),
            Expression.Assign(result, create),
            Expression.Assign(position, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(position, count),
                    Expression.Block(
                        Expression.Assign(index, Expression.Add(start, position)),
                        store(position),
                        Expression.PreIncrementAssign(position)),
                    Expression.Break(done)),
                done),
            result.Type == target ? result : Expression.Convert(result, target));
    }
}
