using System.Threading.Channels;

namespace HcmcPortal.Notifications;

public sealed record QueuedMail(string To, string Subject, string HtmlBody);

/// <summary>
/// Status-change mails leave the officer's or citizen's request at once and are sent in the background,
/// so a slow SMTP server never slows an action. Bounded: under a flood the oldest waiting mail is dropped and logged.
/// </summary>
public sealed class MailQueue(ILogger<MailQueue> log)
{
    private readonly Channel<QueuedMail> channel = Channel.CreateBounded<QueuedMail>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => log.LogWarning("Mail queue full; dropped the mail to {To}: {Subject}", dropped.To, dropped.Subject));

    public void Enqueue(QueuedMail mail) => channel.Writer.TryWrite(mail);

    public IAsyncEnumerable<QueuedMail> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

public sealed class MailWorker(MailQueue queue, EmailSender sender) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.ReadAllAsync(stoppingToken))
            await sender.SendAsync(mail.To, mail.Subject, mail.HtmlBody);
    }
}
