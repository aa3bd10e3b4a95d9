using Google.Protobuf;
using Google.Protobuf.Reflection;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Sources;

namespace Spark.Connect.Local.Service;

/// <summary>
/// <c>df.inputFiles()</c>: the data files a plan's file reads stand for (directories listed as the read lists them),
/// through the session's temporary views and external tables too, as <c>file:</c> paths, sorted and without repeats. The same access
/// checks as reading apply, so the answer never names a file the client could not read.
/// </summary>
internal static class InputFiles
{
    // Views can name views; a cycle can't be built (a view is resolved when created), but the walk stays bounded.
    private const int MaxViewDepth = 64;

    internal static IReadOnlyList<string> Of(IPlanningSession session, Plan plan)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        Visit(session, plan, files, 0);
        return [.. files];
    }

    private static void Visit(IPlanningSession session, IMessage message, SortedSet<string> files, int viewDepth)
    {
        if (message is Read { ReadTypeCase: Read.ReadTypeOneofCase.DataSource } read)
            AddFiles(session, read.DataSource, files);
        if (message is Read { ReadTypeCase: Read.ReadTypeOneofCase.NamedTable } named && viewDepth < MaxViewDepth
            && session.FindView(MultipartIdentifier.Parse(named.NamedTable.UnparsedIdentifier)) is { } view)
            Visit(session, view, files, viewDepth + 1);
        else if (message is Read { ReadTypeCase: Read.ReadTypeOneofCase.NamedTable } table && Planning.Catalog.CatalogNames.Find(
            new PlanningContext(session), Planning.Catalog.LocalCatalog.ToDuckDbParts(MultipartIdentifier.Parse(table.NamedTable.UnparsedIdentifier))) is Planning.Catalog.ExternalTable external)
            Visit(session, external.Read(session), files, viewDepth + 1); // the files at an external table's location now
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message)
                continue;
            var value = field.Accessor.GetValue(message);
            if (value is System.Collections.IEnumerable list and not IMessage)
            {
                foreach (var item in list)
                    if (item is IMessage child) Visit(session, child, files, viewDepth);
            }
            else if (value is IMessage child)
            {
                Visit(session, child, files, viewDepth);
            }
        }
    }

    private static void AddFiles(IPlanningSession session, Read.Types.DataSource source, SortedSet<string> files)
    {
        foreach (var file in FileReads.Files(session, source.Paths))
            files.Add("file:" + Path.GetFullPath(file));
    }
}
