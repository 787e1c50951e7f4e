using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HcmcPortal.Tests.Api;

public static class ApiClient
{
    /// <summary>Logs in through POST /api/v1/identity/login and sets the bearer token on the client.</summary>
    public static async Task<JsonElement> LoginAsync(this HttpClient client, string email, string password = "Demo@12345")
    {
        var response = await client.PostAsJsonAsync("/api/v1/identity/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return tokens;
    }
}
