using System.Net;
using System.Text.RegularExpressions;
using HcmcPortal.Operations;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HcmcPortal.Tests.Foundation;

/// <summary>The portal on a real Kestrel socket (the Server header is Kestrel's), with a public address unlike the request's.</summary>
public sealed class HardenedPortalFactory : PortalFactory
{
    public const string PublicBaseUrl = "https://dichvucong.hochiminhcity.gov.vn";
    protected override bool UseRealSocket => true;
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = PublicBaseUrl };
}

/// <summary>Issue 10 items 3 and 7: headers on every response, links from configuration, hosts from a list.</summary>
public sealed partial class HardeningTests(HardenedPortalFactory portal) : IClassFixture<HardenedPortalFactory>
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(portal.ServerAddress) };

    [Theory]
    [InlineData("/")]                          // a page
    [InlineData("/account/login")]             // a static form page
    [InlineData("/api/v1/procedures")]         // the API
    [InlineData("/app.css")]                   // a static file
    [InlineData("/khong-co-trang-nay")]        // an error page
    [InlineData("/api/v1/dossiers")]           // a 401 problem
    public async Task Every_response_carries_the_security_headers_and_no_Server_header(string path)
    {
        using var response = await Client().GetAsync(path);
        Assert.Equal(HttpHardening.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'self'", HttpHardening.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpHardening.PermissionsPolicy, response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header is off");
    }

    [Fact]
    public async Task Pages_use_no_inline_script_the_policy_would_refuse()
    {
        var html = await Client().GetStringAsync("/");
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Fact]
    public async Task A_forged_Host_header_cannot_redirect_a_password_reset_link()
    {
        var client = Client();
        var page = await client.GetStringAsync("/account/forgot-password");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = HttpClientExtensions.FormOf(page, "forgot", ("Input.Email", "congdan2@demo.hcmc.vn")),
        };
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");
        using var sent = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var body = (await HcmcPortal.Tests.Operations.SentMail.MailToAsync(portal, "congdan2@demo.hcmc.vn")).HtmlBody ?? "";
        var link = ResetLink().Match(body).Groups[1].Value;
        Assert.StartsWith(HardenedPortalFactory.PublicBaseUrl + "/account/reset-password?", link);
        Assert.DoesNotContain("attacker.example", body);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son(click|load|error|change|submit)=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex ResetLink();
}
