using HcmcPortal.Validation;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_plus_84_phone_and_a_CCCD_in_groups_are_stored_normalised_and_a_landline_is_accepted()
    {
        var client = portal.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/identity/register",
            new { email = "so.dien.thoai@example.vn", password = "App@12345", fullName = "Lý Thị Mai", cccd = "079 301 005 588", phone = "+84 912 345 678" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await client.LoginAsync("so.dien.thoai@example.vn", "App@12345");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("0912345678", me.GetProperty("phone").GetString());
        Assert.Equal("079301005588", me.GetProperty("cccd").GetString());

        var landline = await client.PutAsJsonAsync("/api/v1/me", new { fullName = "Lý Thị Mai", cccd = "079301005588", phone = "(028) 3829.1234" });
        Assert.Equal(HttpStatusCode.OK, landline.StatusCode);
        Assert.Equal("02838291234", (await landline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());

        var oldPrefix = await client.PutAsJsonAsync("/api/v1/me", new { fullName = "Lý Thị Mai", cccd = "079301005588", phone = "0412345678" });
        Assert.Equal(PersonRules.PhoneInvalid, (await oldPrefix.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("phone"));
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
    public async Task A_bad_CCCD_in_the_profile_update_is_refused_and_nothing_changes()
    {
        var client = await portal.ClientOfAsync(ApiClient.OtherCitizen);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var response = await client.PutAsJsonAsync("/api/v1/me", new { fullName = "Trần Thị Bình", cccd = "07919500432X", phone = "0987654321" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("chữ số", problem.FieldError("cccd"));
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(before.GetProperty("cccd").GetString(), after.GetProperty("cccd").GetString());
        Assert.Equal(before.GetProperty("phone").GetString(), after.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_taken_email_gets_the_same_answer_as_a_new_one_and_a_weak_password_is_a_field_error()
    {
        var client = portal.CreateClient();
        var fresh = await client.PostAsJsonAsync("/api/v1/identity/register",
            new { email = "moi.dangky@example.vn", password = "App@12345", fullName = "Người Thử", cccd = "079301005568", phone = "0987654321" });
        var taken = await client.PostAsJsonAsync("/api/v1/identity/register",
            new { email = ApiClient.Citizen, password = "App@12345", fullName = "Người Thử", cccd = "079301005567", phone = "0987654321" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (fresh.StatusCode, taken.StatusCode));
        Assert.Equal(JsonSerializer.Serialize(new { email = ApiClient.Citizen }), await taken.Content.ReadAsStringAsync());
        Assert.Equal(JsonSerializer.Serialize(new { email = "moi.dangky@example.vn" }), await fresh.Content.ReadAsStringAsync());
        // The taken account is untouched: its own password still signs in.
        await portal.CreateClient().LoginAsync(ApiClient.Citizen);
        var weak = await client.PostAsJsonAsync("/api/v1/identity/register",
            new { email = "yeu@example.vn", password = "yeu", fullName = "Người Thử", cccd = "079301005567", phone = "0987654321" });
        Assert.Contains("Mật khẩu", (await weak.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("password"));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_a_problem_not_the_HTML_error_page()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var response = await client.PutAsync("/api/v1/me", new StringContent("{ khong phai json", System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Yêu cầu không hợp lệ", problem.GetProperty("title").GetString());
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
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Chưa đăng nhập", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_api_v1_endpoint_and_the_reference_is_served()
    {
        var client = portal.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/") == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: DocumentPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.Contains(endpoints, e => e.Path == "/api/v1/dossiers/{code}/result");
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name));
        Assert.All(endpoints, e => Assert.True(paths.TryGetProperty(e.Path, out var path) && path.TryGetProperty(e.Method, out _), $"{e.Method} {e.Path}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs")).StatusCode);
    }

    /// <summary>A route as the OpenAPI document names it: no route constraints, no trailing slash.</summary>
    private static string DocumentPath(string route) => Regex.Replace(route, ":[^}]+", "").TrimEnd('/');
}
