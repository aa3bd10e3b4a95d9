using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Data;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Tests.DuckDb;

namespace Spark.Connect.Local.Tests.Data;

/// <summary>Loads Arrow data the way a client's LocalRelation arrives and reads the table back through the result converter.</summary>
public abstract class LocalRelationTestBase : DuckDbTestBase
{
    private protected (ArrowSchema Schema, List<object?[]> Rows) Load(RecordBatch batch) =>
        Load(ArrowStreamWriter.WriteToArray(batch.Schema, [batch]));

    private protected (ArrowSchema Schema, List<object?[]> Rows) Load(byte[] ipc)
    {
        LocalRelationLoader.Load(Connection, "loaded", new LocalRelation { Data = ByteString.CopyFrom(ipc) });
        using var result = Connection.Query("SELECT * FROM loaded");
        // The converter always yields at least one (possibly empty) batch, which carries the schema.
        var batches = new DuckDbArrowConverter().ReadBatches(result).ToList();
        return (batches[0].Schema, NestedValues.Rows(batches));
    }
}
