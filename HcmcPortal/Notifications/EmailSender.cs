using System.Net;
using System.Net.Mail;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Notifications;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@dichvucong.hochiminhcity.gov.vn";
    /// <summary>Where mail goes when no SMTP host is configured (Development, demo): one .eml file per message.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";
}

/// <summary>Sends mail through the configured SMTP server, or drops it as .eml files in a local folder.</summary>
public sealed class EmailSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options, IWebHostEnvironment env, ILogger<EmailSender> log)
    : IEmailSender<AppUser>
{
    public async Task SendAsync(string to, string subject, string htmlBody)
    {
        var o = options.Value;
        using var message = new MailMessage(o.From, to, subject, htmlBody) { IsBodyHtml = true };
        using var client = new SmtpClient();
        if (string.IsNullOrEmpty(o.Host))
        {
            var folder = Path.Combine(env.ContentRootPath, o.PickupFolder);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = o.Host;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
            if (!string.IsNullOrEmpty(o.User))
                client.Credentials = new NetworkCredential(o.User, o.Password);
        }
        try
        {
            await client.SendMailAsync(message);
        }
        catch (SmtpException ex)
        {
            // A mail outage must not fail the action that triggered it; the in-app notification still stands.
            log.LogError(ex, "Could not send mail {Subject}", subject);
        }
    }

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SendAsync(email, "Xác nhận tài khoản", $"<p>Xin chào {WebUtility.HtmlEncode(user.FullName)},</p><p><a href=\"{confirmationLink}\">Xác nhận tài khoản</a></p>");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendAsync(email, "Đặt lại mật khẩu Cổng dịch vụ công TP.HCM",
            $"<p>Xin chào {WebUtility.HtmlEncode(user.FullName)},</p><p>Bấm vào liên kết sau để đặt lại mật khẩu: <a href=\"{WebUtility.HtmlEncode(resetLink)}\">Đặt lại mật khẩu</a></p>");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        SendAsync(email, "Mã đặt lại mật khẩu", $"<p>Mã đặt lại mật khẩu của bạn: <b>{WebUtility.HtmlEncode(resetCode)}</b></p>");
}
