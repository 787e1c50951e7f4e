using System.Net;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Notifications;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>TLS: on connect for port 465, STARTTLS (required) otherwise.</summary>
    public bool EnableSsl { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@dichvucong.hochiminhcity.gov.vn";
    /// <summary>Where mail goes when no SMTP host is configured (Development, demo): one .eml file per message.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Identity's mails (password reset, confirmation) go through the same database outbox as the notifications, so a
/// dead SMTP server never fails the request and a restart loses none.
/// </summary>
public sealed class EmailSender(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IEmailSender<AppUser>
{
    public async Task QueueAsync(string to, string subject, string htmlBody, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.MailOutboxes.Add(MailOutboxWorker.NewMail(to, null, subject, htmlBody, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(email, "Xác nhận tài khoản", $"<p>Xin chào {WebUtility.HtmlEncode(user.FullName)},</p><p><a href=\"{WebUtility.HtmlEncode(confirmationLink)}\">Xác nhận tài khoản</a></p>");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(email, "Đặt lại mật khẩu Cổng dịch vụ công TP.HCM",
            $"<p>Xin chào {WebUtility.HtmlEncode(user.FullName)},</p><p>Bấm vào liên kết sau để đặt lại mật khẩu: <a href=\"{WebUtility.HtmlEncode(resetLink)}\">Đặt lại mật khẩu</a></p>");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync(email, "Mã đặt lại mật khẩu", $"<p>Mã đặt lại mật khẩu của bạn: <b>{WebUtility.HtmlEncode(resetCode)}</b></p>");
}
