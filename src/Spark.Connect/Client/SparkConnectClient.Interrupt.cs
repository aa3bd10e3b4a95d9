using Spark.Connect.Transport;
namespace Spark.Connect;

public sealed partial class SparkConnectClient
{
    /// <summary>Interrupts every running operation of this session; returns the ids interrupted.</summary>
    public Task<IReadOnlyList<string>> InterruptAllAsync(CancellationToken cancellationToken = default) =>
        InterruptAsync(new InterruptRequest { InterruptType = InterruptRequest.Types.InterruptType.All }, cancellationToken);

    /// <summary>Interrupts the operations started with <paramref name="tag"/> (see <see cref="ExecutePlanOptions.Tags"/>).</summary>
    public Task<IReadOnlyList<string>> InterruptTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return InterruptAsync(new InterruptRequest { InterruptType = InterruptRequest.Types.InterruptType.Tag, OperationTag = tag }, cancellationToken);
    }

    /// <summary>Interrupts one operation by its id.</summary>
    public Task<IReadOnlyList<string>> InterruptOperationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        return InterruptAsync(new InterruptRequest { InterruptType = InterruptRequest.Types.InterruptType.OperationId, OperationId = operationId }, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> InterruptAsync(InterruptRequest request, CancellationToken cancellationToken)
    {
        var response = await CallAsync(SparkConnectMethods.Interrupt, Session.Stamp(request), cancellationToken).ConfigureAwait(false);
        Session.Observe(response.ServerSideSessionId);
        return response.InterruptedIds.ToList();
    }
}
