using HcmcPortal.Citizen.Submission;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Citizen;

public sealed class NotificationMailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_status_change_is_mailed_to_the_applicant_in_the_background()
    {
        var actor = await portal.ActorAsync("congdan@demo.hcmc.vn");
        var (draftId, _) = await portal.KhaiSinhDraftAsync(actor);
        var outcome = await portal.Get<DraftService>().SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
        Assert.True(outcome.Result.Succeeded, outcome.Result.Message);

        // The request returned before the mail was written; the background worker delivers it shortly after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string[] mails = [];
        while (DateTime.UtcNow < deadline && mails.Length == 0)
        {
            await Task.Delay(100);
            mails = Directory.Exists(portal.MailFolder)
                ? Directory.GetFiles(portal.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("X-Receiver: congdan@demo.hcmc.vn")).ToArray()
                : [];
        }
        var mail = Assert.Single(mails);
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(mail[(mail.IndexOf("\r\n\r\n") + 4)..].Trim()));
        Assert.Contains(outcome.Result.Code!, body);
    }
}
