namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>At most MaxSessions sessions live at once; sessions past the idle timeout make room, live ones never do.</summary>
public sealed class SessionLimitTests : LocalServerTestBase
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);

    protected override LocalSparkServerOptions CreateOptions() => new() { MaxSessions = 2, SessionIdleTimeout = IdleTimeout };

    [Test]
    public async Task A_session_beyond_the_cap_is_refused_with_a_resource_error_until_one_is_released()
    {
        var first = NewClient();
        var second = NewClient();
        var third = NewClient();
        await first.GetAllConfigAsync();
        await second.GetAllConfigAsync();

        var error = await Assert.ThrowsAsync<SparkException>(() => third.GetAllConfigAsync());
        Assert.That(error!.ErrorClass, Is.EqualTo("LOCAL_ENGINE_TOO_MANY_SESSIONS"));
        Assert.That(error.SqlState, Is.EqualTo("53300"));
        Assert.That(error.Message, Does.Contain("MaxSessions"));
        Assert.That(Server.Service.Sessions.All.Select(s => s.Key.SessionId), Is.EquivalentTo(new[] { first.SessionId, second.SessionId }));
        // The live sessions were left alone.
        Assert.That(await first.GetAllConfigAsync(), Is.Not.Null);

        await second.ReleaseSessionAsync();
        Assert.That(await third.GetAllConfigAsync(), Is.Not.Null);
    }

    [Test]
    public async Task Sessions_idle_beyond_the_timeout_are_ended_to_make_room()
    {
        var first = NewClient();
        var second = NewClient();
        await first.GetAllConfigAsync();
        await second.GetAllConfigAsync();

        await Task.Delay(IdleTimeout + TimeSpan.FromMilliseconds(300));
        var third = NewClient();
        Assert.That(await third.GetAllConfigAsync(), Is.Not.Null);

        var error = await Assert.ThrowsAsync<SparkException>(() => first.GetAllConfigAsync());
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_HANDLE.SESSION_CLOSED"));
    }
}
