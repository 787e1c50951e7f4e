using System.Net;
using System.Net.Http.Json;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Small budgets, one trusted proxy (10.0.0.9), and a test-only way to choose the connection's address
/// (the in-memory server has none): the X-Test-Peer header stands for the TCP peer.
/// </summary>
public sealed class RateLimitPortalFactory : PortalFactory
{
    public const int PerClient = 3;
    public const int PerAccount = 2;
    public const string TrustedProxy = "10.0.0.9";

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy };
            foreach (var policy in new[] { "SignIn", "Register", "PasswordReset", "Submission" })
            {
                settings[$"RateLimits:{policy}:PerClient"] = PerClient.ToString();
                settings[$"RateLimits:{policy}:PerAccount"] = PerAccount.ToString();
                settings[$"RateLimits:{policy}:WindowSeconds"] = "600";
            }
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                    http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>Issue 10 items 3 and 7: budgets per client and per account, 429 with Retry-After in Vietnamese, no dodging by forged headers.</summary>
public sealed class RateLimitTests(RateLimitPortalFactory portal) : IClassFixture<RateLimitPortalFactory>
{
    private static HttpRequestMessage Login(string peer, string email, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/identity/login") { Content = JsonContent.Create(new { email, password = "Sai@12345" }) };
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task Sign_in_over_the_client_budget_answers_429_with_Retry_After_and_a_Vietnamese_problem()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < RateLimitPortalFactory.PerClient; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Login("10.1.0.1", $"a{i}@example.vn"))).StatusCode);
        var limited = await client.SendAsync(Login("10.1.0.1", "b@example.vn"));
        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.Contains("Vui lòng thử lại sau", problem.GetProperty("detail").GetString());
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        // Another client is not affected.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Login("10.1.0.2", "c@example.vn"))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_over_the_account_budget_is_refused_from_any_client()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < RateLimitPortalFactory.PerAccount; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Login($"10.2.0.{i + 1}", "muc.tieu@example.vn"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Login("10.2.0.50", "MUC.TIEU@example.vn"))).StatusCode);
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_from_an_untrusted_peer_does_not_change_the_client()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < RateLimitPortalFactory.PerClient; i++)
            await client.SendAsync(Login("10.3.0.1", $"x{i}@example.vn", forwardedFor: $"203.0.113.{i + 1}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Login("10.3.0.1", "y@example.vn", forwardedFor: "203.0.113.99"))).StatusCode);
    }

    [Fact]
    public async Task The_trusted_proxy_tells_the_client_apart_by_X_Forwarded_For()
    {
        var client = portal.CreateClient();
        // More requests than one client may make, through the proxy, each from a different client.
        for (var i = 0; i <= RateLimitPortalFactory.PerClient; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.SendAsync(Login(RateLimitPortalFactory.TrustedProxy, $"p{i}@example.vn", forwardedFor: $"198.51.100.{i + 1}"))).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_over_budget_answers_429_with_a_Vietnamese_page()
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Test-Peer", "10.4.0.1");
        HttpResponseMessage? last = null;
        for (var i = 0; i <= RateLimitPortalFactory.PerClient; i++)
            last = await client.SignInAsync($"trang{i}@example.vn", "Sai@12345");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Contains("quá nhiều lần", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Submissions_over_the_account_budget_answer_429_and_create_nothing()
    {
        var client = await portal.ClientOfAsync(ApiClient.OtherCitizen);
        var submission = await portal.KhaiSinhSubmissionAsync();
        for (var i = 0; i < RateLimitPortalFactory.PerAccount; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.SubmitAsync(submission)).StatusCode);
        await using var before = portal.CreateDb();
        var count = before.Dossiers.Count();
        var limited = await client.SubmitAsync(submission);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        await using var after = portal.CreateDb();
        Assert.Equal(count, after.Dossiers.Count());
    }
}
