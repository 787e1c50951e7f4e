using System.Net;
using System.Net.Sockets;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Notifications;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HcmcPortal.Tests.Operations;

/// <summary>The portal with extra settings (and optionally another instance's database file), for the mail outbox tests.</summary>
public sealed class ConfiguredPortal(IReadOnlyDictionary<string, string> settings, string? databasePath = null) : PortalFactory
{
    protected override int DemoDossiers => 20;

    public string Database => databasePath ?? DatabasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (databasePath is not null)
        {
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
            builder.UseSetting("Email:Smtp:PickupFolder", MailFolderOf(databasePath));
        }
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public string Mail => MailFolderOf(Database);

    private static string MailFolderOf(string db) => Path.Combine(Path.GetDirectoryName(db)!, "mail-" + Path.GetFileNameWithoutExtension(db));

    public MimeMessage[] MailsTo(string address) => SentMail.MailsIn(Mail, address);

    public Task WaitForWorkerAsync(Func<Task<bool>> done, int seconds = 20) => SentMail.WaitForWorkerAsync(this, done, seconds);
}

/// <summary>Reading the portal's sent mail (the .eml pickup folder) without sleeping.</summary>
public static class SentMail
{
    public static MimeMessage[] MailsIn(string folder, string address) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == address))]
            : [];

    /// <summary>Waits for the background worker's passes (no sleeping) until <paramref name="done"/> holds.</summary>
    public static async Task WaitForWorkerAsync(PortalFactory portal, Func<Task<bool>> done, int seconds = 20)
    {
        var worker = portal.Get<MailOutboxWorker>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var pass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnPass() => pass.TrySetResult();
            worker.PassCompleted += OnPass;
            try
            {
                if (await done())
                    return;
                await pass.Task.WaitAsync(timeout.Token);
            }
            finally
            {
                worker.PassCompleted -= OnPass;
            }
        }
    }

    /// <summary>The one mail sent to <paramref name="address"/>, once the outbox worker has sent it.</summary>
    public static async Task<MimeMessage> MailToAsync(this PortalFactory portal, string address)
    {
        await WaitForWorkerAsync(portal, () => Task.FromResult(MailsIn(portal.MailFolder, address).Length > 0));
        return Assert.Single(MailsIn(portal.MailFolder, address));
    }
}

public sealed class MailOutboxTests
{
    private const string Applicant = "congdan@demo.hcmc.vn";
    private const string PublicBase = "https://dichvucong.hochiminhcity.gov.vn";

    private static Dictionary<string, string> Settings(bool worker, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Email:Outbox:WorkerEnabled"] = worker.ToString(),
            ["Email:Outbox:PollInterval"] = "00:00:00.050",
            ["Portal:PublicBaseUrl"] = PublicBase,
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    private static async Task<string> SubmitAsync(PortalFactory portal)
    {
        var actor = await portal.ActorAsync(Applicant);
        var (draftId, _) = await portal.KhaiSinhDraftAsync(actor);
        var outcome = await portal.Get<DraftService>().SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
        Assert.True(outcome.Result.Succeeded, outcome.Result.Message);
        return outcome.Result.Code!;
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_status_change_is_mailed_by_the_background_worker_with_a_link_built_from_configuration()
    {
        using var portal = new ConfiguredPortal(Settings(worker: true));
        var code = await SubmitAsync(portal);

        await portal.WaitForWorkerAsync(() => Task.FromResult(portal.MailsTo(Applicant).Any(m => (m.HtmlBody ?? "").Contains(code))));
        var mail = Assert.Single(portal.MailsTo(Applicant), m => (m.HtmlBody ?? "").Contains(code));
        Assert.Contains($"href=\"{PublicBase}/ho-so-cua-toi/", mail.HtmlBody ?? "");
        Assert.Contains("Xin chào", mail.HtmlBody ?? "");
        await using var db = portal.CreateDb();
        Assert.False(await db.MailOutboxes.AnyAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task A_mail_is_saved_with_the_change_and_survives_a_restart_before_it_is_sent()
    {
        using var restarted = new ConfiguredPortal(Settings(worker: true));
        string code;
        using (var first = new ConfiguredPortal(Settings(worker: false), restarted.DatabasePath))
        {
            code = await SubmitAsync(first);
            await using var db = first.CreateDb();
            var pending = await db.MailOutboxes.SingleAsync(m => m.Subject == "Đã nộp hồ sơ" && m.SentAt == null);
            Assert.Contains(code, pending.HtmlBody);
            Assert.Empty(first.MailsTo(Applicant));
        }

        // The same database, a new process: the worker finds the mail the first one never sent.
        await restarted.WaitForWorkerAsync(() => Task.FromResult(restarted.MailsTo(Applicant).Any(m => (m.HtmlBody ?? "").Contains(code))));
        await using var after = restarted.CreateDb();
        Assert.NotNull((await after.MailOutboxes.SingleAsync(m => m.HtmlBody.Contains(code))).SentAt);
    }

    [Fact]
    public async Task A_dead_smtp_server_is_retried_then_given_up_and_the_host_keeps_serving()
    {
        using var portal = new ConfiguredPortal(Settings(worker: true,
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", ClosedLoopbackPort().ToString()), ("Email:Smtp:EnableSsl", "false"),
            ("Email:Outbox:RetryDelay", "00:00:00"), ("Email:Outbox:MaxAttempts", "3")));
        await portal.Get<EmailSender>().QueueAsync("congdan@demo.hcmc.vn", "Thư thử", "<p>Nội dung</p>");

        await portal.WaitForWorkerAsync(async () =>
        {
            await using var db = portal.CreateDb();
            return await db.MailOutboxes.AnyAsync(m => m.Subject == "Thư thử" && m.FailedAt != null);
        });
        await using (var db = portal.CreateDb())
        {
            var mail = await db.MailOutboxes.SingleAsync(m => m.Subject == "Thư thử");
            Assert.Equal(3, mail.Attempts);
            Assert.Null(mail.SentAt);
            Assert.False(string.IsNullOrEmpty(mail.LastError));
        }
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_failed_attempt_waits_longer_each_time_before_the_next()
    {
        using var portal = new ConfiguredPortal(Settings(worker: false,
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", ClosedLoopbackPort().ToString()), ("Email:Smtp:EnableSsl", "false"),
            ("Email:Outbox:RetryDelay", "00:10:00")));
        var worker = portal.Get<MailOutboxWorker>();
        await portal.Get<EmailSender>().QueueAsync("congdan@demo.hcmc.vn", "Thư thử", "<p>Nội dung</p>");

        var before = DateTime.UtcNow;
        Assert.Equal(1, await worker.SendDueAsync());
        Assert.Equal(0, await worker.SendDueAsync());
        await using var db = portal.CreateDb();
        var first = await db.MailOutboxes.AsNoTracking().SingleAsync();
        Assert.Equal(1, first.Attempts);
        Assert.InRange(first.LeaseUntil, before.AddMinutes(10), before.AddMinutes(11));

        // Once the wait is over, the next failure doubles it.
        await db.MailOutboxes.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, DateTime.UtcNow.AddSeconds(-1)));
        before = DateTime.UtcNow;
        Assert.Equal(1, await worker.SendDueAsync());
        var second = await db.MailOutboxes.AsNoTracking().SingleAsync();
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.LeaseUntil, before.AddMinutes(20), before.AddMinutes(21));
        Assert.Null(second.FailedAt);
    }

    [Fact]
    public async Task A_bad_address_ends_as_failed_and_the_other_mails_still_go()
    {
        using var portal = new ConfiguredPortal(Settings(worker: false));
        var sender = portal.Get<EmailSender>();
        await sender.QueueAsync("không phải địa chỉ thư", "Thư hỏng", "<p>x</p>");
        await sender.QueueAsync(Applicant, "Thư tốt", "<p>y</p>");

        Assert.Equal(2, await portal.Get<MailOutboxWorker>().SendDueAsync());

        await using var db = portal.CreateDb();
        var bad = await db.MailOutboxes.SingleAsync(m => m.Subject == "Thư hỏng");
        Assert.NotNull(bad.FailedAt);
        Assert.Null(bad.SentAt);
        Assert.False(string.IsNullOrEmpty(bad.LastError));
        Assert.NotNull((await db.MailOutboxes.SingleAsync(m => m.Subject == "Thư tốt")).SentAt);
        Assert.Single(portal.MailsTo(Applicant));
    }

    [Fact]
    public async Task Two_workers_racing_over_the_outbox_send_each_mail_once()
    {
        using var portal = new ConfiguredPortal(Settings(worker: false, ("Email:Outbox:BatchSize", "40")));
        var sender = portal.Get<EmailSender>();
        for (var i = 0; i < 30; i++)
            await sender.QueueAsync(Applicant, $"Thư {i}", "<p>z</p>");
        var one = portal.Get<MailOutboxWorker>();
        var two = ActivatorUtilities.CreateInstance<MailOutboxWorker>(portal.Services);

        var claimed = await Task.WhenAll(one.SendDueAsync(), two.SendDueAsync(), one.SendDueAsync(), two.SendDueAsync());

        Assert.Equal(30, claimed.Sum());
        Assert.Equal(30, portal.MailsTo(Applicant).Length);
        Assert.Equal(30, portal.MailsTo(Applicant).Select(m => m.Subject).Distinct().Count());
    }
}
