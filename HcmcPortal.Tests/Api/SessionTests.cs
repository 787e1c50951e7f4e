using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Data;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Api;

/// <summary>Issue 10 item 8: sign-out and a new password end every session; a refresh token works once.</summary>
public sealed class SessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Phien@12345";
    private static int lastCccd = 5510;

    private async Task<string> NewCitizenAsync(string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}"[..20] + "@example.vn";
        var registered = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/register",
            new { email, password = Password, fullName = "Người Thử Phiên", cccd = $"079203{Interlocked.Increment(ref lastCccd):D6}", phone = "0909555111" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return email;
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static string Access(JsonElement tokens) => tokens.GetProperty("accessToken").GetString()!;
    private static string Refresh(JsonElement tokens) => tokens.GetProperty("refreshToken").GetString()!;

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        portal.CreateClient().PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken });

    [Fact]
    public async Task Signing_out_of_the_portal_ends_the_cookie_and_every_bearer_token_of_the_user()
    {
        var email = await NewCitizenAsync("dangxuat");
        var app = await portal.CreateClient().LoginAsync(email, Password);
        // The browser's cookie, kept as a copy (as a thief would keep it) to replay after signing out.
        var raw = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await SignInCookieAsync(raw, email);
        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(WithCookie(HttpMethod.Get, "/ho-so-cua-toi", cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(Access(app)).GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await raw.SendAsync(WithCookie(HttpMethod.Post, "/account/logout", cookie))).StatusCode);

        var replayed = await raw.SendAsync(WithCookie(HttpMethod.Get, "/ho-so-cua-toi", cookie));
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(Access(app)).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(app))).StatusCode);
    }

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static string CookiesSet(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);

    /// <summary>Signs in through the form on a client that keeps no cookies, and answers the sign-in cookie.</summary>
    private static async Task<string> SignInCookieAsync(HttpClient raw, string email)
    {
        var page = await raw.GetAsync("/account/login");
        var form = HttpClientExtensions.FormOf(await page.Content.ReadAsStringAsync(), "login", ("Input.Email", email), ("Input.Password", Password));
        var post = WithCookie(HttpMethod.Post, "/account/login", CookiesSet(page));
        post.Content = form;
        var signedIn = await raw.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesSet(signedIn);
    }

    [Fact]
    public async Task Signing_out_of_the_app_ends_its_tokens()
    {
        var email = await NewCitizenAsync("appout");
        var tokens = await portal.CreateClient().LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(Access(tokens)).PostAsync("/api/v1/identity/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(Access(tokens)).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(tokens))).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_opened_with_the_old_one()
    {
        var email = await NewCitizenAsync("matkhau");
        var tokens = await portal.CreateClient().LoginAsync(email, Password);
        using (var scope = portal.Services.CreateScope())
        {
            // What the reset-password page does with the mailed code.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Moi@123456")).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(Access(tokens)).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(tokens))).StatusCode);
        await portal.CreateClient().LoginAsync(email, "Moi@123456");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_revokes_the_family()
    {
        var email = await NewCitizenAsync("xoayvong");
        var first = await portal.CreateClient().LoginAsync(email, Password);
        var other = await portal.CreateClient().LoginAsync(email, Password); // another device: another family

        var second = await RefreshAsync(Refresh(first));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rotated = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(Refresh(first), Refresh(rotated));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(Access(rotated)).GetAsync("/api/v1/me")).StatusCode);

        // The first token again (a copy): refused, and the whole family with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(first))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(rotated))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(Access(rotated)).GetAsync("/api/v1/me")).StatusCode);
        // The other device's session is another family and goes on.
        Assert.Equal(HttpStatusCode.OK, (await Bearer(Access(other)).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(Refresh(other))).StatusCode);
    }
}
