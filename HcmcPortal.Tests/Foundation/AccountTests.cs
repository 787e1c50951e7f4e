using System.Net;
using System.Net.Http.Json;
using HcmcPortal.Data.Seed;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Foundation;

public sealed class AccountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private HttpClient Client() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("congdan@demo.hcmc.vn", "/ho-so-cua-toi")]
    [InlineData("motcua.q1@demo.hcmc.vn", "/can-bo")]
    [InlineData("chuyenvien.q1@demo.hcmc.vn", "/can-bo")]
    [InlineData("lanhdao.q1@demo.hcmc.vn", "/can-bo")]
    [InlineData("lanhdao.tp@demo.hcmc.vn", "/bao-cao/chuyen-doi-so")]
    [InlineData("danhgia.cds@demo.hcmc.vn", "/cds/bo-chi-so")]
    [InlineData("quantri@demo.hcmc.vn", "/quan-tri/nguoi-dung")]
    public async Task Each_demo_account_signs_in_and_lands_on_its_home(string email, string home)
    {
        var response = await Client().SignInAsync(email, DemoOptions.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, PathOf(response));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var response = await Client().SignInAsync("congdan2@demo.hcmc.vn", "Sai@12345");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account()
    {
        var email = await RegisterAsync("khoa.tam@example.vn", "079203009999");
        for (var i = 0; i < 5; i++)
            await Client().SignInAsync(email, "Sai@12345");
        var locked = await Client().SignInAsync(email, "Dung@12345");
        Assert.Contains("tạm khóa", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registration_validates_the_citizen_id_in_Vietnamese_and_keeps_what_was_typed()
    {
        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var response = await client.PostAsync("/account/register", RegisterForm(page, "Lê Văn Khoa", "07920300", "0909123456", "khoa@example.vn"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("12 chữ số", html);
        Assert.Contains("value=\"Lê Văn Khoa\"", html);
        Assert.Contains("value=\"khoa@example.vn\"", html);
    }

    [Fact]
    public async Task Registration_creates_a_citizen_with_the_phone_and_CCCD_in_their_national_form_who_then_signs_in()
    {
        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var response = await client.PostAsync("/account/register", RegisterForm(page, "Phạm Thị Lan", "079 195 001 122", "+84 912 345 678", "lan.pham@example.vn"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?registered=true", PathOf(response));
        var signedIn = await client.SignInAsync("lan.pham@example.vn", "Dung@12345");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/ho-so-cua-toi", PathOf(signedIn));
        await using var db = portal.CreateDb();
        var user = await db.Users.Where(u => u.Email == "lan.pham@example.vn").Select(u => new { u.PhoneNumber, u.Cccd }).SingleAsync();
        Assert.Equal(("0912345678", "079195001122"), (user.PhoneNumber, user.Cccd));
    }

    [Fact]
    public async Task Registration_refuses_a_number_that_is_neither_a_mobile_nor_a_landline()
    {
        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var response = await client.PostAsync("/account/register", RegisterForm(page, "Đỗ Văn Nam", "079195001133", "0612345678", "nam.do@example.vn"));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("bắt đầu bằng 03, 05, 07, 08 hoặc 09", html);
        Assert.Contains("value=\"0612345678\"", html);
    }

    [Fact]
    public async Task Registration_with_a_taken_email_answers_exactly_as_a_new_one_and_mails_the_owner()
    {
        var owner = await RegisterAsync("da.co@example.vn", "079203007788");
        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var again = await client.PostAsync("/account/register", RegisterForm(page, "Kẻ Thử", "079203007799", "0909000222", owner));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login?registered=true", PathOf(again));
        // The owner is told (a password-reset link), and the attempt changed nothing: the owner's password still works.
        await HcmcPortal.Tests.Operations.SentMail.WaitForWorkerAsync(portal, () => Task.FromResult(
            HcmcPortal.Tests.Operations.SentMail.MailsIn(portal.MailFolder, owner).Any(m => (m.HtmlBody ?? "").Contains("/account/reset-password?"))));
        Assert.Equal(HttpStatusCode.Redirect, (await Client().SignInAsync(owner, "Dung@12345")).StatusCode);
    }

    [Fact]
    public async Task Password_reset_sends_a_link_that_sets_a_new_password()
    {
        var email = await RegisterAsync("quen.matkhau@example.vn", "079201004455");
        var client = Client();
        var page = await client.GetStringAsync("/account/forgot-password");
        var sent = await client.PostAsync("/account/forgot-password", Form(page, "forgot", ("Input.Email", email)));
        Assert.Contains("đã gửi liên kết", await sent.Content.ReadAsStringAsync());

        // The mail leaves through the outbox: the background worker writes it to the pickup folder.
        var body = (await HcmcPortal.Tests.Operations.SentMail.MailToAsync(portal, email)).HtmlBody ?? "";
        var link = System.Text.RegularExpressions.Regex.Match(body, "(/account/reset-password\\?[^\"]+)").Groups[1].Value.Replace("&amp;", "&");
        var resetPage = await client.GetStringAsync(link);
        var done = await client.PostAsync(link, Form(resetPage, "reset", ("Input.Password", "Moi@123456"), ("Input.ConfirmPassword", "Moi@123456"),
            ("Input.Email", email), ("Input.Code", System.Web.HttpUtility.ParseQueryString(link.Split('?')[1])["code"]!)));
        Assert.Contains("Mật khẩu đã được đặt lại", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Client().SignInAsync(email, "Moi@123456")).StatusCode);
    }

    [Fact]
    public async Task A_CCCD_that_already_has_an_account_is_refused_on_the_web_and_the_API_with_the_way_back_to_it()
    {
        await RegisterAsync("mot.nguoi@example.vn", "079204003311");

        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var web = await client.PostAsync("/account/register", RegisterForm(page, "Người Khác", "079204003311", "0909000222", "nguoi.khac@example.vn"));
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await web.Content.ReadAsStringAsync());
        Assert.Contains("Quên mật khẩu", html);
        Assert.DoesNotContain("mot.nguoi@example.vn", html); // never whose account it is
        Assert.DoesNotContain("Dung@12345", html); // and the password typed is not written back

        var api = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/register",
            new { email = "nguoi.khac2@example.vn", password = "Dung@12345", fullName = "Người Khác", cccd = "079204003311", phone = "0909000333" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var body = await api.Content.ReadAsStringAsync();
        Assert.Contains("Quên mật khẩu", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("cccd")[0].GetString());
        Assert.DoesNotContain("mot.nguoi", body);
        await using var db = portal.CreateDb();
        Assert.Equal(1, db.Users.Count(u => u.Cccd == "079204003311"));
    }

    private static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;

    private async Task<string> RegisterAsync(string email, string cccd)
    {
        var client = Client();
        var page = await client.GetStringAsync("/account/register");
        var response = await client.PostAsync("/account/register", RegisterForm(page, "Người Thử", cccd, "0909000111", email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private static FormUrlEncodedContent RegisterForm(string page, string name, string cccd, string phone, string email) =>
        Form(page, "register", ("Input.FullName", name), ("Input.Cccd", cccd), ("Input.Phone", phone), ("Input.Email", email),
            ("Input.Password", "Dung@12345"), ("Input.ConfirmPassword", "Dung@12345"));

    private static FormUrlEncodedContent Form(string page, string handler, params (string Key, string Value)[] fields)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = handler };
        foreach (var (k, v) in fields)
            values[k] = v;
        return new FormUrlEncodedContent(values);
    }
}
