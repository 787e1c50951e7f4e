using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace HcmcPortal.Operations;

/// <summary>
/// A budget counted in Redis (INCR on a key per window, expiring after the next one), so that several instances share
/// one count per client and per account: without it each instance would grant the whole budget again (issue 14).
/// The count slides: the previous window's count weighs in for the part of it still inside the last window length, so
/// a client cannot spend the budget at the end of one window and again at the start of the next.
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
        long count, previous;
        try
        {
            count = redis.StringIncrement(windowKey, permitCount);
            if (count == permitCount)
                redis.KeyExpire(windowKey, 2 * window + TimeSpan.FromSeconds(5), flags: CommandFlags.FireAndForget);
            previous = (long?)redis.StringGet(new RedisKey($"hcmcportal:rate:{key}:{slot - 1}")) ?? 0;
        }
        catch (RedisException)
        {
            return WindowLease.Granted;
        }
        var elapsed = (double)(now.UtcTicks - slot * window.Ticks) / window.Ticks;
        if (previous * (1 - elapsed) + count <= permitLimit)
            return WindowLease.Granted;
        // When a retry (itself counted) fits the budget again: while this window's count leaves room, once the previous
        // window's weight has decayed enough; otherwise once this window, become the previous one, has decayed too.
        var wait = count + 1 <= permitLimit
            ? 1 - (permitLimit - count - 1) / (double)previous - elapsed
            : 1 - elapsed + 1 - (permitLimit - 1) / (double)count;
        // Plus a second: Retry-After is sent in whole seconds, and an early retry would only be refused again.
        return new WindowLease(false, TimeSpan.FromTicks((long)Math.Ceiling(Math.Max(wait, 0) * window.Ticks)) + TimeSpan.FromSeconds(1));
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
