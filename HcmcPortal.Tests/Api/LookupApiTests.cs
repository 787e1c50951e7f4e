using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Api;

/// <summary>Its own app: the lookup budget is per client address, and every test client here has the same one.</summary>
public sealed class LookupApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Lookup_answers_only_status_and_dates_hides_wrong_digits_and_is_rate_limited()
    {
        var citizen = await portal.ClientOfAsync(ApiClient.Citizen);
        var code = (await citizen.SubmittedAsync(await portal.KhaiSinhSubmissionAsync())).GetProperty("code").GetString();
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var last4 = me.GetProperty("cccd").GetString()![^4..];
        var anonymous = portal.CreateClient();

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/lookup?code={code}&cccdLast4={last4}");
        Assert.Equal((int)DossierStatus.Submitted, found.GetProperty("status").GetInt32());
        Assert.Equal(new[] { "code", "status", "statusName", "receivedAt", "dueAt" }, found.EnumerateObject().Select(p => p.Name));

        var wrongDigits = await (await anonymous.GetAsync($"/api/v1/lookup?code={code}&cccdLast4=0000")).ProblemAsync(HttpStatusCode.NotFound);
        var noSuchCode = await (await anonymous.GetAsync($"/api/v1/lookup?code=HS-KHONG-CO&cccdLast4={last4}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(LookupResult.NotFoundMessage, wrongDigits.GetProperty("detail").GetString());
        Assert.Equal(wrongDigits.GetProperty("detail").GetString(), noSuchCode.GetProperty("detail").GetString());

        var invalid = await (await anonymous.GetAsync($"/api/v1/lookup?code={code}&cccdLast4=12")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("cccdLast4", out _));

        for (var i = 3; i < LookupService.PermitsPerMinute; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/lookup?code=HS-{i}&cccdLast4=1234")).StatusCode);
        var limited = await (await anonymous.GetAsync($"/api/v1/lookup?code={code}&cccdLast4={last4}")).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("quá nhiều lần", limited.GetProperty("detail").GetString());
    }
}
