using HcmcPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace HcmcPortal.Live;

/// <summary>
/// <c>ScaleOut:*</c>: what several instances behind a load balancer share (docs/deployment.md). Nothing configured is
/// one instance, as before: keys on this machine, messages and rate-limit counters in this process.
/// </summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";
    /// <summary>A StackExchange.Redis configuration string (e.g. <c>redis:6379,password=…</c>): cross-instance messages and shared rate limits.</summary>
    public string? Redis { get; set; }
    /// <summary>Data Protection keys (sign-in cookies, antiforgery, reset tokens) in the database, so every instance reads the same ring.</summary>
    public bool KeysInDatabase { get; set; }
    /// <summary>This instance's name in logs and leases; the machine name and process id when not set.</summary>
    public string? InstanceName { get; set; }
}

public static class ScaleOutSetup
{
    /// <summary>The application name every instance protects its cookies under (the default is the content root path, which differs per machine).</summary>
    public const string ApplicationName = "HcmcPortal";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(ScaleOutOptions.Section).Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        services.Configure<ScaleOutOptions>(config.GetSection(ScaleOutOptions.Section));
        services.AddSingleton(new InstanceIdentity(options.InstanceName is { Length: > 0 } name
            ? name : $"{Environment.MachineName}:{Environment.ProcessId}"));
        services.AddSingleton<LiveUpdates>();
        if (options.KeysInDatabase)
        {
            services.AddDataProtection().SetApplicationName(ApplicationName)
                .PersistKeysToDbContext<AppDbContext>();
        }
        if (options.Redis is { Length: > 0 } redis)
        {
            // Not AbortOnConnectFail: an instance starts while Redis restarts, and reconnects by itself.
            var redisOptions = ConfigurationOptions.Parse(redis);
            redisOptions.AbortOnConnectFail = false;
            redisOptions.ClientName = "hcmcportal";
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
            services.AddHostedService<RedisLink>();
        }
        services.AddSingleton<JobLeases>();
        return services;
    }
}

/// <summary>Who this instance is, in leases and in the messages it sends (to ignore its own echo).</summary>
public sealed record InstanceIdentity(string Name);
