using System.Text.Json;
using StackExchange.Redis;

namespace HcmcPortal.Live;

/// <summary>
/// Carries <see cref="EntityChange"/>s between instances over Redis pub/sub. Blazor circuits are sticky to one instance,
/// so no SignalR backplane is needed: each instance tells its own circuits what it hears here.
/// </summary>
public sealed class RedisLink(IConnectionMultiplexer redis, LiveUpdates live, InstanceIdentity instance, ILogger<RedisLink> log) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("hcmcportal:changes");
    private ISubscriber? subscriber;

    public async Task StartAsync(CancellationToken ct)
    {
        subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, message) =>
        {
            if (message.IsNullOrEmpty)
                return;
            try
            {
                if (JsonSerializer.Deserialize<EntityChange>(message.ToString()) is { } change)
                    live.Receive(change);
            }
            catch (JsonException ex)
            {
                log.LogWarning(ex, "Unreadable live-update message ignored");
            }
        });
        live.Forward = change => subscriber.PublishAsync(Channel, JsonSerializer.Serialize(change));
        log.LogInformation("Live updates shared through Redis as {Instance}", instance.Name);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        live.Forward = null;
        if (subscriber is not null)
            await subscriber.UnsubscribeAllAsync();
    }
}
