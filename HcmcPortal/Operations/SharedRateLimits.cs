using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace HcmcPortal.Operations;

/// <summary>
/// A fixed-window budget counted in Redis (INCR on a key per window, expiring with it), so that several instances share
/// one count per client and per account: without it each instance would grant the whole budget again (issue 14).
/// Redis unreachable: the request is let through (an outage must not lock everyone out); it is counted again once Redis answers.
/// </summary>
public sealed class RedisWindowLimiter(IDatabase redis, string key, int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private long lastUsedTicks = clock.GetTimestamp();

    // Idle from the partition store's point of view: the count lives in Redis, so dropping this object loses nothing.
    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref lastUsedTicks, clock.GetTimestamp());
        var now = clock.GetUtcNow();
        var slot = now.UtcTicks / window.Ticks;
        var windowKey = new RedisKey($"hcmcportal:rate:{key}:{slot}");
        long count;
        try
        {
            count = redis.StringIncrement(windowKey, permitCount);
            if (count == permitCount)
                redis.KeyExpire(windowKey, window + TimeSpan.FromSeconds(5), flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            return WindowLease.Granted;
        }
        if (count <= permitLimit)
            return WindowLease.Granted;
        var windowEnds = new DateTimeOffset((slot + 1) * window.Ticks, TimeSpan.Zero);
        return new WindowLease(false, windowEnds - now);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);
        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
