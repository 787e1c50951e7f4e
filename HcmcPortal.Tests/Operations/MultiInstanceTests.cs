using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Domain;
using Microsoft.Playwright;
using HcmcPortal.Operations;
using StackExchange.Redis;
using System.Threading.RateLimiting;

namespace HcmcPortal.Tests.Operations;

/// <summary>
/// Issue 14: the portal unchanged on two instances behind nginx, with Redis between them (docs/deployment.md).
/// Everything is started once by <see cref="MultiInstanceEnvironment"/>; each test says which instance serves whom.
/// </summary>
public sealed class MultiInstanceTests : IClassFixture<MultiInstanceEnvironment>
{
    private readonly MultiInstanceEnvironment env;

    public MultiInstanceTests(MultiInstanceEnvironment env)
    {
        this.env = env;
        // A change crosses two processes and Redis on a busy machine: wait for it as long as for a page.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    private static string Upstream(IResponse? response) => response?.Headers.GetValueOrDefault("x-upstream") ?? "";

    /// <summary>The page's circuit is live: the layout enables its controls only then (Shell/MainLayout.razor).</summary>
    private static Task LiveAsync(IPage page) => Assertions.Expect(page.Locator("fieldset.circuit-fieldset:not([disabled])")).ToHaveCountAsync(1);

    [Fact]
    public async Task A_user_signed_in_through_the_balancer_keeps_working_when_sent_to_the_other_instance()
    {
        Console.WriteLine($"[multi-instance] Redis, migrate, two instances and nginx started in {env.StartedIn.TotalSeconds:F1} s");
        // The sign-in form comes from B and is posted to A: A accepts B's antiforgery token (the shared key ring).
        var page = await env.PageOnAsync("b");
        var form = await page.GotoAsync("/account/login");
        Assert.Equal(env.UpstreamOf("b"), Upstream(form));
        await page.FillAsync("#email", "motcua.q1@demo.hcmc.vn");
        await page.FillAsync("#password", "Demo@12345");
        await env.RouteToAsync(page.Context, "a");
        var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-test=login-submit]"), r => r.Request.Method == "POST");
        Assert.Equal(env.UpstreamOf("a"), Upstream(posted));
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));

        // Then B reads the sign-in cookie A wrote, and the officer's queue goes live on a circuit on B.
        await env.RouteToAsync(page.Context, "b");
        var queue = await page.GotoAsync("/can-bo/tiep-nhan");
        Assert.Equal(env.UpstreamOf("b"), Upstream(queue));
        Assert.EndsWith("/can-bo/tiep-nhan", page.Url);
        await Assertions.Expect(page.Locator("[data-test=reception-grid] :is([data-test=open-dossier], [data-test=queue-empty])").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task What_happens_on_instance_A_shows_live_on_pages_served_by_instance_B()
    {
        // B: the unit leader's dashboard. A: a citizen submits through the API.
        var leader = await env.SignedInOnAsync("b", "lanhdao.q1@demo.hcmc.vn");
        await leader.GotoAsync("/can-bo");
        var submittedCount = leader.Locator("[data-test=status-counts] tr[data-status='1'] td").Last;
        await Assertions.Expect(submittedCount).Not.ToBeEmptyAsync();
        await LiveAsync(leader);
        var before = int.Parse(await submittedCount.InnerTextAsync());
        using var citizenOnA = await env.ApiAsync(env.A);
        var response = await citizenOnA.PostAsync("/api/v1/dossiers", await MultiInstanceEnvironment.BirthRegistrationAsync(citizenOnA, "live"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (id, code) = (dossier.GetProperty("id").GetString()!, dossier.GetProperty("code").GetString()!);
        await Assertions.Expect(submittedCount).ToHaveTextAsync((before + 1).ToString());

        // B: the leader opens the dossier, the citizen follows it. A: the desk receives it.
        await leader.GotoAsync($"/can-bo/ho-so/{id}");
        await Assertions.Expect(leader.Locator("[data-test=workspace]")).ToHaveAttributeAsync("data-code", code);
        await LiveAsync(leader);
        var citizen = await env.SignedInOnAsync("b", "congdan@demo.hcmc.vn");
        await citizen.GotoAsync($"/ho-so-cua-toi/{id}");
        await Assertions.Expect(citizen.Locator("[data-test=dossier-status]")).ToContainTextAsync("1.");
        await LiveAsync(citizen);
        var desk = await env.SignedInOnAsync("a", "motcua.q1@demo.hcmc.vn");
        var opened = await desk.GotoAsync($"/can-bo/ho-so/{id}");
        Assert.Equal(env.UpstreamOf("a"), Upstream(opened));
        await LiveAsync(desk);
        await desk.ClickAsync("[data-test=action-Receive]");
        await desk.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(desk.Locator("[data-test=dossier-stage]")).ToHaveTextAsync("Đã tiếp nhận");

        // B, without reloading: the citizen sees the new status, the leader is told someone else changed the dossier.
        await Assertions.Expect(citizen.Locator("[data-test=dossier-status]")).ToContainTextAsync("2.");
        await Assertions.Expect(citizen.Locator("[data-test=dossier-message]")).ToContainTextAsync("Trạng thái hồ sơ vừa thay đổi");
        await Assertions.Expect(leader.Locator("[data-test=live-changed]")).ToContainTextAsync("vừa được");
        await Assertions.Expect(leader.Locator("[data-test=dossier-stage]")).Not.ToHaveTextAsync("Đã tiếp nhận");
        await leader.ClickAsync("[data-test=live-reload]");
        await Assertions.Expect(leader.Locator("[data-test=dossier-stage]")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(leader.Locator("[data-test=live-changed]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_listing_export_started_on_A_downloads_once_from_B()
    {
        var page = await env.SignedInOnAsync("a", "lanhdao.tp@demo.hcmc.vn");
        var today = VietnamTime.Today(TimeProvider.System);
        var drill = await page.GotoAsync($"/bao-cao/chi-tiet?metric={HcmcPortal.Reports.PortalMetrics.All[0].Name}&part=denominator&unit={HcmcPortal.Data.Seed.DemoSeeder.SaiGonCode}&from=2025-07-01&to={today:yyyy-MM-dd}");
        Assert.Equal(env.UpstreamOf("a"), Upstream(drill));
        await LiveAsync(page);
        await page.ClickAsync("[data-test=drill-export]");
        var ready = page.Locator("[data-test=drill-export-ready]");
        await Assertions.Expect(ready).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var href = await ready.GetAttributeAsync("href");

        await env.RouteToAsync(page.Context, "b");
        var file = await page.Context.APIRequest.GetAsync(env.Balancer + href);
        Assert.Equal(200, file.Status);
        Assert.Equal(env.UpstreamOf("b"), file.Headers.GetValueOrDefault("x-upstream"));
        var body = await file.BodyAsync();
        Assert.Equal("PK"u8.ToArray(), body[..2]); // an .xlsx is a zip
        var again = await page.Context.APIRequest.GetAsync(env.Balancer + href);
        Assert.Equal(404, again.Status);
    }

    [Fact]
    public async Task A_budget_spent_at_the_end_of_a_window_is_not_granted_again_at_the_start_of_the_next()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(env.Redis);
        var clock = new SetClock(new DateTimeOffset(2026, 12, 2, 8, 0, 59, TimeSpan.Zero));
        using var limiter = new RedisWindowLimiter(redis.GetDatabase(), $"test:{Guid.NewGuid():N}", 10, TimeSpan.FromMinutes(1), clock);
        for (var i = 0; i < 10; i++)
            Assert.True(limiter.AttemptAcquire().IsAcquired);

        clock.Now += TimeSpan.FromSeconds(2); // 08:01:01, a new minute
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter.TotalSeconds, 2, 60);

        clock.Now += retryAfter; // the retry it was told to make is granted
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Both_instances_count_one_budget_per_client()
    {
        // The public lookup allows 10 a minute per client: 6 on A and 4 on B use it up, the 11th is refused by B.
        using var a = new HttpClient { BaseAddress = new Uri(env.A) };
        using var b = new HttpClient { BaseAddress = new Uri(env.B) };
        for (var i = 0; i < 10; i++)
        {
            var answer = await (i < 6 ? a : b).GetAsync($"/api/v1/lookup?code=000.00.01.H29-260101-{i:D4}&cccdLast4=1234");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
        var refused = await b.GetAsync("/api/v1/lookup?code=000.00.01.H29-260101-0099&cccdLast4=1234");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_submission_retried_on_the_other_instance_with_its_Idempotency_Key_creates_one_dossier()
    {
        // The app's retry after a lost answer lands on the other instance: the key is checked in the shared database.
        using var onA = await env.ApiAsync(env.A);
        using var onB = await env.ApiAsync(env.B);
        var key = Guid.NewGuid().ToString();
        async Task<JsonElement> SubmitAsync(HttpClient http)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = await MultiInstanceEnvironment.BirthRegistrationAsync(http, "retried") };
            request.Headers.Add("Idempotency-Key", key);
            var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var answers = await Task.WhenAll(SubmitAsync(onA), SubmitAsync(onB));
        Assert.Equal(answers[0].GetProperty("code").GetString(), answers[1].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_morning_reminders_are_sent_by_one_instance_once()
    {
        // Both instances check every second from their start (Reminders:At 00:00 in the test environment).
        var today = VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var db = env.OpenDatabase();
        while (Scalar<string>(db, "SELECT LastCompleted FROM JobLeases WHERE Name = 'deadline-reminders'") != today)
        {
            Assert.True(DateTime.UtcNow < deadline, "No instance sent the reminders:\n" + env.Logs());
            await poll.WaitForNextTickAsync();
        }
        var mails = Scalar<long>(db, "SELECT COUNT(*) FROM MailOutboxes WHERE Subject LIKE 'Nhắc hạn xử lý%'");
        var recipients = Scalar<long>(db, "SELECT COUNT(DISTINCT UserId) FROM MailOutboxes WHERE Subject LIKE 'Nhắc hạn xử lý%'");
        // Who gets what is ScaleOutTests' business; here: no one twice, and one instance did the work.
        Assert.Equal(recipients, mails);
        var sentBy = new[] { "a", "b" }.Where(i => File.ReadLines(Path.Combine(env.Dir, $"{i}.log")).Any(l => l.Contains("Deadline reminders for"))).ToList();
        Assert.Single(sentBy);
    }

    [Fact]
    public async Task Killing_one_instance_loses_no_acknowledged_dossier_and_its_users_move_to_the_other()
    {
        // B: an officer's dashboard. A (through the balancer): a citizen's dossier page.
        var officer = await env.SignedInOnAsync("b", "lanhdao.q1@demo.hcmc.vn");
        await officer.GotoAsync("/can-bo");
        await LiveAsync(officer);
        var citizen = await env.SignedInOnAsync("a", "congdan@demo.hcmc.vn");
        var list = await citizen.GotoAsync("/ho-so-cua-toi");
        Assert.Equal(env.UpstreamOf("a"), Upstream(list));
        await LiveAsync(citizen);

        // Parallel submissions to A; A is killed once some are acknowledged.
        using var api = await env.ApiAsync(env.A);
        var acknowledged = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                try
                {
                    var response = await api.PostAsync("/api/v1/dossiers", await MultiInstanceEnvironment.BirthRegistrationAsync(api, $"kill {client} {n}"));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
                        if (acknowledged.Count >= 6)
                            enough.TrySetResult();
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // A died under this request: it was never acknowledged
                }
            }
        })).ToList();
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            await AfterKillingAAsync(citizen, officer, api, acknowledged, clients);
        }
        finally
        {
            // A comes back (the other tests of this class use it).
            await env.RestartAsync("a");
        }
    }

    private async Task AfterKillingAAsync(IPage citizen, IPage officer, HttpClient api, ConcurrentBag<string> acknowledged, List<Task> clients)
    {
        var reload = citizen.WaitForResponseAsync(r => r.Request.IsNavigationRequest && Upstream(r).Contains(env.UpstreamOf("b")),
            new() { Timeout = 45_000 });
        env.Kill("a");
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(30));

        // Every acknowledged dossier is there, read through B with the token A issued.
        foreach (var code in acknowledged)
        {
            var dossier = await api.GetAsync($"{env.B}/api/v1/dossiers/{code}");
            Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);
        }

        // A's user: the circuit cannot resume on B; the page says so in Vietnamese and reloads, now served by B.
        var message = citizen.Locator("#components-reconnect-modal .reconnect-rejected");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToContainTextAsync("Không thể khôi phục phiên làm việc");
        var reloaded = await reload;
        Assert.Equal(200, reloaded.Status);
        await LiveAsync(citizen);
        Assert.EndsWith("/ho-so-cua-toi", citizen.Url);

        // B's user never noticed: same circuit, still live.
        await Assertions.Expect(officer.Locator("#components-reconnect-modal")).ToHaveAttributeAsync("data-state", "hide");
        var submittedCount = officer.Locator("[data-test=status-counts] tr[data-status='1'] td").Last;
        var before = int.Parse(await submittedCount.InnerTextAsync());
        using var onB = await env.ApiAsync(env.B);
        var late = await onB.PostAsync("/api/v1/dossiers", await MultiInstanceEnvironment.BirthRegistrationAsync(onB, "after the kill"));
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        await Assertions.Expect(submittedCount).ToHaveTextAsync((before + 1).ToString());
    }

    private static T Scalar<T>(Microsoft.Data.Sqlite.SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)value;
    }
}
