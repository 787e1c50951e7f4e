using System.Net;
using HcmcPortal.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HcmcPortal.Notifications;

public sealed class OutboxOptions
{
    /// <summary>Off only in tests that drive <see cref="MailOutboxWorker.SendDueAsync"/> themselves.</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>How often the worker looks for mail when the last pass found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// How long a claimed mail belongs to one worker; a crashed worker's mail is taken over after it. Longer than a whole
    /// batch can take (<see cref="BatchSize"/> × the SMTP timeout), so a slow but live worker is never overtaken.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>First wait after a failure, doubled after each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Attempts before a mail is given up and recorded as failed (about a day with the defaults).</summary>
    public int MaxAttempts { get; set; } = 30;
    public int BatchSize { get; set; } = 20;
}

/// <summary>
/// Sends the mail outbox: claims due rows with an atomic conditional UPDATE (a lease, so several instances never send
/// the same mail), sends them through MailKit (or writes .eml files when no SMTP host is configured), and records each
/// outcome. A dead server is retried with exponential backoff; a bad address, or a mail that exhausted its attempts, is
/// marked failed and logged. Nothing here may stop the host: every pass catches and logs its errors.
/// </summary>
public sealed class MailOutboxWorker(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptionsMonitor<SmtpOptions> smtp,
    IOptions<OutboxOptions> options,
    IWebHostEnvironment env,
    TimeProvider clock,
    ILogger<MailOutboxWorker> log) : BackgroundService
{
    /// <summary>Raised after each pass of the background loop (tests wait on it instead of sleeping).</summary>
    public event Action? PassCompleted;

    public static MailOutbox NewMail(string? to, string? userId, string subject, string htmlBody, DateTime nowUtc) => new()
    {
        To = to, UserId = userId, Subject = subject.Length > 300 ? subject[..300] : subject, HtmlBody = htmlBody,
        CreatedAt = nowUtc, LeaseUntil = nowUtc,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // E.g. the database is briefly unavailable: the mail stays in the outbox for the next pass.
                log.LogError(ex, "Mail outbox pass failed");
            }
            PassCompleted?.Invoke();
            if (handled > 0)
                continue;
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims up to a batch of due mails and tries to send them. Returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.MailOutboxes.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.LeaseUntil <= now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var claimed = new List<long>();
        var leaseUntil = now + o.Lease;
        foreach (var id in due)
        {
            // The WHERE repeats the "due" test: of two workers racing for a row, exactly one updates it.
            var won = await db.MailOutboxes
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && m.LeaseUntil <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), ct);
            if (won == 1)
                claimed.Add(id);
        }
        if (claimed.Count == 0)
            return 0;

        var mails = await (from m in db.MailOutboxes.AsNoTracking()
                           where claimed.Contains(m.Id)
                           join u in db.Users on m.UserId equals u.Id into users
                           from u in users.DefaultIfEmpty()
                           orderby m.Id
                           select new { m.Id, m.To, m.Subject, m.HtmlBody, m.Attempts, UserEmail = u.Email, UserName = u.FullName, m.UserId })
            .ToListAsync(ct);
        var outgoing = new List<(long Id, int Attempts, MimeMessage? Message, Exception? Problem)>();
        foreach (var m in mails)
        {
            try
            {
                var to = m.To ?? m.UserEmail ?? throw new PermanentMailException("Tài khoản nhận thư không có địa chỉ e-mail.");
                var greeting = m.UserId is not null && m.To is null ? $"<p>Xin chào {WebUtility.HtmlEncode(m.UserName)},</p>" : "";
                outgoing.Add((m.Id, m.Attempts, Compose(to, m.Subject, greeting + m.HtmlBody), null));
            }
            catch (Exception ex) when (ex is ParseException or PermanentMailException)
            {
                outgoing.Add((m.Id, m.Attempts, null, ex));
            }
        }

        var results = new Exception?[outgoing.Count];
        for (var i = 0; i < outgoing.Count; i++)
            results[i] = outgoing[i].Problem;
        await DeliverAsync(outgoing.Select(x => x.Message).ToList(), results, ct);

        for (var i = 0; i < outgoing.Count; i++)
            await RecordAsync(db, outgoing[i].Id, outgoing[i].Attempts + 1, results[i], ct);
        return claimed.Count;
    }

    private MimeMessage Compose(string to, string subject, string htmlBody)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.CurrentValue.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        return message;
    }

    /// <summary>Sends each message that has none yet in <paramref name="results"/>; fills in the error of each that fails.</summary>
    private async Task DeliverAsync(List<MimeMessage?> messages, Exception?[] results, CancellationToken ct)
    {
        var o = smtp.CurrentValue; // runtime settings: an administrator may have changed the server
        if (string.IsNullOrEmpty(o.Host))
        {
            var folder = Path.Combine(env.ContentRootPath, o.PickupFolder);
            Directory.CreateDirectory(folder);
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i] is not { } message)
                    continue;
                try
                {
                    await message.WriteToAsync(Path.Combine(folder, $"{Guid.NewGuid():N}.eml"), ct);
                }
                catch (IOException ex)
                {
                    results[i] = ex;
                }
            }
            return;
        }

        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            if (messages.All(m => m is null))
                return;
            var security = !o.EnableSsl ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(o.Host, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.User))
                await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The server cannot be reached: every mail of the batch waits for a retry.
            for (var i = 0; i < messages.Count; i++)
                results[i] ??= ex;
            return;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message)
                continue;
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex)
            {
                // The server refused this mail (e.g. the recipient); the connection is still usable.
                results[i] = ex;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                for (var j = i; j < messages.Count; j++)
                    results[j] ??= ex;
                return;
            }
        }
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogDebug(ex, "SMTP disconnect failed after sending");
        }
    }

    private async Task RecordAsync(AppDbContext db, long id, int attempts, Exception? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            await db.MailOutboxes.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, (string?)null), ct);
            return;
        }
        var o = options.Value;
        var message = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        if (IsPermanent(error) || attempts >= o.MaxAttempts)
        {
            log.LogError(error, "Mail {MailId} given up after {Attempts} attempt(s): {Reason}", id, attempts, message);
            await db.MailOutboxes.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, message), ct);
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        log.LogWarning("Mail {MailId} not sent (attempt {Attempts}), retrying in {Delay}: {Reason}", id, attempts, delay, message);
        await db.MailOutboxes.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, now + delay).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, message), ct);
    }

    /// <summary>A malformed or refused address, or an account without one, will not get better by retrying.</summary>
    private static bool IsPermanent(Exception error) => error switch
    {
        ParseException or PermanentMailException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtpError => (int)smtpError.StatusCode >= 500,
        _ => false,
    };

    private sealed class PermanentMailException(string message) : Exception(message);
}
