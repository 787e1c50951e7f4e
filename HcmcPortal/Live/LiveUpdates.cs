using System.Collections.Immutable;

namespace HcmcPortal.Live;

/// <summary>
/// Something changed that open screens may show: a dossier (or, later, a feedback report) of a unit, or a cached
/// table such as the calendar. <see cref="UnitPath"/> and <see cref="OwnerUserId"/> let a screen decide, with the same
/// rule as its queries (<see cref="HcmcPortal.Accounts.Actor.CanSee"/>), whether the change is one it shows.
/// </summary>
public sealed record EntityChange(string Kind, string Id, int? UnitId, string? UnitPath, string? OwnerUserId, string? ByUserId, string? ByName = null)
{
    public const string Dossier = "dossier";
    public const string Calendar = "calendar";

    /// <summary>A dossier (or report) of a unit the actor's queues show, by the rule of their queries.</summary>
    public bool IsInScopeOf(HcmcPortal.Accounts.Actor actor) => UnitId is int unit && actor.CanSee(unit, UnitPath ?? "", OwnerUserId);

    /// <summary>The instance that published it (set by <see cref="LiveUpdates"/>).</summary>
    public string? Origin { get; init; }
}

/// <summary>
/// The in-process notifier: pages subscribe while they are open, services publish after their commit. With
/// <c>ScaleOut:Redis</c> each change also travels to the other instances (<see cref="RedisLink"/>), whose
/// subscribers then hear it as if it had happened there.
/// </summary>
public sealed class LiveUpdates(InstanceIdentity instance, ILogger<LiveUpdates> log)
{
    private ImmutableArray<Func<EntityChange, Task>> handlers = [];

    /// <summary>Set by the Redis channel when one is configured.</summary>
    internal Func<EntityChange, Task>? Forward { get; set; }

    public IDisposable Subscribe(Func<EntityChange, Task> handler)
    {
        ImmutableInterlocked.Update(ref handlers, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, h => h.Remove(handler)));
    }

    /// <summary>Tells this instance's subscribers and the other instances. Never throws: a lost message only delays a refresh.</summary>
    public void Publish(EntityChange change)
    {
        change = change with { Origin = instance.Name };
        Deliver(change);
        if (Forward is { } forward)
            _ = ForwardAsync(forward, change);
    }

    /// <summary>A change heard from another instance.</summary>
    internal void Receive(EntityChange change)
    {
        if (change.Origin != instance.Name)
            Deliver(change);
    }

    private void Deliver(EntityChange change)
    {
        foreach (var handler in handlers)
            _ = RunAsync(handler, change);
    }

    private async Task RunAsync(Func<EntityChange, Task> handler, EntityChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "A live-update subscriber failed on {Kind} {Id}", change.Kind, change.Id);
        }
    }

    private async Task ForwardAsync(Func<EntityChange, Task> forward, EntityChange change)
    {
        try
        {
            await forward(change);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Live update {Kind} {Id} not sent to the other instances", change.Kind, change.Id);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}
