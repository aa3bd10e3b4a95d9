using Google.Protobuf;
using Spark.Connect.Local.Service.Operations;

namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>The held-bytes accounting on its own: what is dropped under a bound, and when a producer must wait.</summary>
public sealed class ResponseMemoryTests
{
    private const int Payload = 1000;

    [Test]
    public void Handed_out_responses_are_kept_up_to_the_replay_bound_plus_the_last_one()
    {
        var memory = new ResponseMemory(serverLimit: 1 << 20, sessionLimit: 1 << 20);
        var buffer = new ReplayBuffer(memory, memory.NewSession(), new ReaderAttachment(), replayLimit: 2 * Payload + 100);

        for (var position = 0; position < 10; position++)
        {
            Assert.That(buffer.Append(Response(), isLast: false), Is.True);
            buffer.MarkSent(position);
        }

        // Positions 0..6 are gone, 7 and 8 fit in the bound, 9 is the last one handed out.
        Assert.That(buffer.Find(6, out _, out _), Is.EqualTo(ReplayLookup.Dropped));
        Assert.That(buffer.Find(7, out var kept, out _), Is.EqualTo(ReplayLookup.Found));
        Assert.That(kept, Is.Not.Null);
        Assert.That(buffer.Count, Is.EqualTo(3));
        Assert.That(memory.Server.Current, Is.EqualTo(buffer.Bytes));
        Assert.That(buffer.Find(10, out _, out _), Is.EqualTo(ReplayLookup.NotProduced));
    }

    [Test]
    public void Without_a_replay_bound_nothing_handed_out_is_kept()
    {
        var memory = new ResponseMemory(1 << 20, 1 << 20);
        var buffer = new ReplayBuffer(memory, memory.NewSession(), new ReaderAttachment(), replayLimit: 0);

        buffer.Append(Response(), isLast: false);
        buffer.MarkSent(0);

        Assert.That(buffer.Count, Is.Zero);
        Assert.That(memory.Server.Current, Is.Zero);
    }

    [Test]
    public async Task A_producer_waits_while_unsent_responses_fill_the_bound_and_goes_on_once_they_are_handed_out()
    {
        var memory = new ResponseMemory(serverLimit: Payload / 2, sessionLimit: Payload / 2);
        var session = memory.NewSession();
        var holder = new ReplayBuffer(memory, session, new ReaderAttachment(), replayLimit: 1 << 20);
        var producer = new ReplayBuffer(memory, session, new ReaderAttachment(), replayLimit: 1 << 20);
        holder.Append(Response(), isLast: false);

        var waiting = memory.MakeRoomAsync(producer, CancellationToken.None);
        await Task.Delay(300);
        Assert.That(waiting.IsCompleted, Is.False, "an unsent response can't be dropped, so there is no room");

        // Handed out, it is kept only for a retry: dropped to make room.
        holder.MarkSent(0);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(holder.Find(0, out _, out _), Is.EqualTo(ReplayLookup.Dropped));
        Assert.That(session.Current, Is.Zero);
    }

    [Test]
    public async Task Responses_of_detached_operations_are_dropped_before_those_of_attached_ones()
    {
        var memory = new ResponseMemory(serverLimit: 3 * Payload, sessionLimit: 3 * Payload);
        var session = memory.NewSession();
        var attachedReaders = new ReaderAttachment();
        using var reading = attachedReaders.Attach();
        var attached = new ReplayBuffer(memory, session, attachedReaders, replayLimit: 1 << 20);
        var detached = new ReplayBuffer(memory, session, new ReaderAttachment(), replayLimit: 1 << 20);
        for (var position = 0; position < 2; position++)
        {
            attached.Append(Response(), isLast: false);
            attached.MarkSent(position);
            detached.Append(Response(), isLast: false);
            detached.MarkSent(position);
        }

        await memory.MakeRoomAsync(attached, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(attached.Count, Is.EqualTo(2));
        Assert.That(detached.Count, Is.LessThan(2));
        Assert.That(session.Current, Is.LessThan(3 * Payload));
    }

    [Test]
    public async Task Waiting_for_room_ends_when_cancelled_and_closing_gives_every_byte_back()
    {
        var memory = new ResponseMemory(Payload / 2, Payload / 2);
        var session = memory.NewSession();
        var holder = new ReplayBuffer(memory, session, new ReaderAttachment(), replayLimit: 1 << 20);
        holder.Append(Response(), isLast: false);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.CatchAsync<OperationCanceledException>(() => memory.MakeRoomAsync(new ReplayBuffer(memory, session, new ReaderAttachment(), 0), cancel.Token));

        holder.Close();
        Assert.That(session.Current, Is.Zero);
        Assert.That(memory.Server.Current, Is.Zero);
        Assert.That(holder.Find(0, out _, out _), Is.EqualTo(ReplayLookup.Closed));
    }

    private static ExecutePlanResponse Response() => new()
    {
        ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch { RowCount = 1, Data = ByteString.CopyFrom(new byte[Payload - 10]) },
    };
}
