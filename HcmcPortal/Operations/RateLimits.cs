using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using HcmcPortal.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Operations;

/// <summary>What a budget protects: guessing passwords, mass registration, mail bombing, guessing dossier codes, flooding.</summary>
public enum RatePolicy
{
    SignIn,
    Register,
    PasswordReset,
    Lookup,
    Submission,
    /// <summary>New reports through the 1022 channel (page and API), per account.</summary>
    Feedback,
}

/// <summary>Requests allowed per fixed window, per client address and per account (the e-mail, user or dossier code aimed at).</summary>
public sealed class RateLimitRule
{
    public int PerClient { get; set; }
    public int PerAccount { get; set; }
    public int WindowSeconds { get; set; } = 60;
    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary><c>RateLimits:*</c> in configuration, e.g. <c>RateLimits:SignIn:PerClient</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public RateLimitRule SignIn { get; set; } = new() { PerClient = 30, PerAccount = 10, WindowSeconds = 300 };
    public RateLimitRule Register { get; set; } = new() { PerClient = 10, PerAccount = 3, WindowSeconds = 3600 };
    public RateLimitRule PasswordReset { get; set; } = new() { PerClient = 10, PerAccount = 3, WindowSeconds = 900 };
    public RateLimitRule Lookup { get; set; } = new() { PerClient = 10, PerAccount = 20, WindowSeconds = 60 };
    public RateLimitRule Submission { get; set; } = new() { PerClient = 30, PerAccount = 10, WindowSeconds = 60 };
    public RateLimitRule Feedback { get; set; } = new() { PerClient = 30, PerAccount = 5, WindowSeconds = 600 };

    public RateLimitRule For(RatePolicy policy) => policy switch
    {
        RatePolicy.SignIn => SignIn,
        RatePolicy.Register => Register,
        RatePolicy.PasswordReset => PasswordReset,
        RatePolicy.Lookup => Lookup,
        RatePolicy.Feedback => Feedback,
        _ => Submission,
    };
}

/// <summary>Puts an endpoint (a page or an API endpoint) under a budget; only its POSTs count.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(RatePolicy policy) : Attribute
{
    public RatePolicy Policy { get; } = policy;
}

/// <summary>
/// The portal's budgets, in one store of fixed-window limiters (System.Threading.RateLimiting). ASP.NET Core's rate
/// limiter middleware takes its permits here for HTTP requests (pages posting forms, the API); the interactive pages,
/// whose clicks travel over the circuit and never pass the middleware, take theirs through <see cref="Acquire"/>.
/// The client is the connection's address after the forwarded-headers middleware, which trusts only configured proxies.
/// </summary>
public sealed class PortalRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Key> store;
    private readonly IDisposable? onChange;
    // Budgets are runtime settings: a change starts new partitions (keys carry the generation) with the new limits;
    // the old ones fall idle and the store removes them.
    private int generation;

    /// <param name="redis">With <c>ScaleOut:Redis</c>, the counts are kept there and shared by every instance (<see cref="RedisWindowLimiter"/>).</param>
    public PortalRateLimiter(IOptionsMonitor<RateLimitOptions> options, StackExchange.Redis.IConnectionMultiplexer? redis = null, TimeProvider? clock = null)
    {
        onChange = options.OnChange(_ => Interlocked.Increment(ref generation));
        store = PartitionedRateLimiter.Create<Key, Key>(key =>
        {
            if (key.Policy is not { } policy)
                return RateLimitPartition.GetNoLimiter(key);
            var rule = options.CurrentValue.For(policy);
            var limit = Math.Max(1, key.IsAccount ? rule.PerAccount : rule.PerClient);
            if (redis is not null)
                return RateLimitPartition.Get(key, k => new RedisWindowLimiter(redis.GetDatabase(),
                    $"{k.Policy}:{(k.IsAccount ? "account" : "client")}:{k.Value}", limit, rule.Window, clock ?? TimeProvider.System));
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = rule.Window,
                QueueLimit = 0,
            });
        });
    }

    /// <summary>One partition of the store; a null policy means "not limited".</summary>
    public readonly record struct Key(RatePolicy? Policy, bool IsAccount, string Value, int Generation = 0);

    private Key KeyOf(RatePolicy? policy, bool isAccount, string value) => new(policy, isAccount, value, Volatile.Read(ref generation));

    /// <summary>A permit for the client and one for the account (when known); a lease that is not acquired carries Retry-After.</summary>
    public RateLimitLease Acquire(RatePolicy policy, string? client, string? account)
    {
        var byClient = store.AttemptAcquire(client is null ? new Key(null, false, "") : KeyOf(policy, false, client));
        if (!byClient.IsAcquired || string.IsNullOrWhiteSpace(account))
            return byClient;
        byClient.Dispose();
        return store.AttemptAcquire(KeyOf(policy, true, account.Trim().ToUpperInvariant()));
    }

    /// <summary>The same store seen by the middleware: a chain of the client's and the account's partitions.</summary>
    internal PartitionedRateLimiter<HttpContext> ForHttp() => PartitionedRateLimiter.CreateChained(
        store.WithTranslatedKey<HttpContext>(http => KeyOf(PolicyOf(http), false, ClientOf(http)), leaveOpen: true),
        store.WithTranslatedKey<HttpContext>(http => http.Items[AccountItem] is string account
            ? KeyOf(PolicyOf(http), true, account.Trim().ToUpperInvariant())
            : new Key(null, true, ""), leaveOpen: true));

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal const string AccountItem = "hcmc:rate-account";

    internal static RatePolicy? PolicyOf(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) ? http.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Policy : null;

    public static TimeSpan RetryAfter(RateLimitLease lease, RatePolicy policy, RateLimitOptions options) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.For(policy).Window;

    public static string Message(TimeSpan retryAfter) =>
        $"Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} phút.";

    public void Dispose()
    {
        onChange?.Dispose();
        store.Dispose();
    }
}

public static class RateLimitSetup
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection(RateLimitOptions.Section));
        services.AddSingleton<PortalRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PortalRateLimiter, IOptionsMonitor<RateLimitOptions>>((o, limiter, rules) =>
        {
            o.GlobalLimiter = limiter.ForHttp();
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => RejectAsync(context.HttpContext, context.Lease, rules.CurrentValue, ct);
        });
        return services;
    }

    /// <summary>After the forwarded headers (the client's address) and before the endpoints.</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (PortalRateLimiter.PolicyOf(http) is { } policy)
                http.Items[PortalRateLimiter.AccountItem] = await AccountOfAsync(http, policy);
            await next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The account a limited request aims at: the e-mail typed in the form or the JSON body.</summary>
    private static async Task<string?> AccountOfAsync(HttpContext http, RatePolicy policy)
    {
        var request = http.Request;
        // A submission's account budget is kept by DossierService, which the page and the API both call.
        if (policy == RatePolicy.Submission)
            return null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            return form["Input.Email"].FirstOrDefault();
        }
        if (request.HasJsonContentType() && request.ContentLength is > 0 and < 64 * 1024)
        {
            request.EnableBuffering();
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: http.RequestAborted);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("email", out var email)
                    && email.ValueKind == JsonValueKind.String ? email.GetString() : null;
            }
            catch (JsonException)
            {
                return null; // the endpoint answers the malformed body itself
            }
            finally
            {
                request.Body.Position = 0;
            }
        }
        return null;
    }

    /// <summary>429 with Retry-After and a Vietnamese message: problem details on the API, a short page elsewhere.</summary>
    public static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, RateLimitOptions rules, CancellationToken ct)
    {
        var policy = PortalRateLimiter.PolicyOf(http) ?? RatePolicy.Submission;
        var after = PortalRateLimiter.RetryAfter(lease, policy, rules);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var message = PortalRateLimiter.Message(after); // our own text and a number: nothing to encode
        if (ApiSetup.IsApiRequest(http.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu", detail: message).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Quá nhiều yêu cầu</title></head>" +
            $"<body><h1>Quá nhiều yêu cầu</h1><p data-test=\"rate-limited\">{message}</p><p><a href=\"/\">Về trang chủ</a></p></body></html>", ct);
    }
}
