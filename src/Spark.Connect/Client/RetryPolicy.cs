namespace Spark.Connect;

/// <summary>
/// When and how often the client retries a failed call. The defaults follow the official Spark
/// Connect clients: retry on <c>UNAVAILABLE</c>, on <c>INTERNAL</c> errors that report a
/// disconnected cursor, and whenever the server attaches a <c>RetryInfo</c>; exponential backoff
/// from 50 ms by a factor of 4 up to 60 s, at most 15 retries, with up to 500 ms of jitter once the
/// backoff reaches 2 s, and no more than 10 minutes from the first failure (the ceiling the official
/// clients' policy adds up to).
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>How many times a call is retried after its first failure. 0 disables retries.</summary>
    public int MaxRetries { get; init; } = 15;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The factor each further wait grows by.</summary>
    public double BackoffMultiplier { get; init; } = 4;

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most random jitter added to a wait once it is at least <see cref="MinJitterThreshold"/>.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits shorter than this get no jitter.</summary>
    public TimeSpan MinJitterThreshold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest time a call (or an execution, counted from its last response) keeps retrying after its first
    /// failure: a retry whose wait would end later than this is not made, and the call fails with
    /// <see cref="SparkConnectLimitException"/> naming this setting (the last failure inside). Default 10 minutes.
    /// </summary>
    public TimeSpan MaxRetryDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A policy that never retries.</summary>
    public static RetryPolicy None { get; } = new() { MaxRetries = 0 };

    /// <summary>Checks that every setting is usable; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MaxRetries < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
        if (InitialBackoff < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, "InitialBackoff must not be negative.");
        if (BackoffMultiplier < 1) throw new ArgumentOutOfRangeException(nameof(BackoffMultiplier), BackoffMultiplier, "BackoffMultiplier must be at least 1.");
        if (MaxBackoff < InitialBackoff) throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must be at least InitialBackoff.");
        if (Jitter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter must not be negative.");
        if (MaxRetryDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRetryDuration), MaxRetryDuration, "MaxRetryDuration must be positive.");
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (0-based), without jitter.</summary>
    internal TimeSpan BackoffFor(int retry)
    {
        var millis = InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, retry);
        return TimeSpan.FromMilliseconds(Math.Min(millis, MaxBackoff.TotalMilliseconds));
    }
}
