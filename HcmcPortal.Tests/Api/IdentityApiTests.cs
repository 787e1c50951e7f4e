using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Api;

public sealed class IdentityApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Register_login_refresh_and_profile_round_trip()
    {
        var client = portal.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/identity/register",
            new { email = "app.user@example.vn", password = "App@12345", fullName = "Ngô Thị Hoa", cccd = "079301005566", phone = "0987654321" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var tokens = await client.LoginAsync("app.user@example.vn", "App@12345");
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Ngô Thị Hoa", me.GetProperty("fullName").GetString());

        var updated = await client.PutAsJsonAsync("/api/v1/me", new { fullName = "Ngô Thị Hoa Mai", cccd = "079301005566", phone = "0987654322" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Ngô Thị Hoa Mai", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fullName").GetString());

        var refreshed = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Bad_CCCD_is_a_problem_with_Vietnamese_field_errors()
    {
        var response = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/register",
            new { email = "sai@example.vn", password = "App@12345", fullName = "Người Thử", cccd = "079999", phone = "0987654321" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Contains("12 chữ số", problem.GetProperty("errors").GetProperty("cccd")[0].GetString());
    }

    [Fact]
    public async Task Wrong_password_and_bad_refresh_token_are_401_problems()
    {
        var login = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/login", new { email = "congdan@demo.hcmc.vn", password = "Sai@0000" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("không đúng", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var refresh = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = "khong-hop-le" });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Profile_requires_a_token_and_answers_401_not_a_redirect()
    {
        var response = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_and_reference_are_served()
    {
        var client = portal.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/identity/login", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs")).StatusCode);
    }
}
