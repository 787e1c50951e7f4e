using System.Text.RegularExpressions;

namespace HcmcPortal.Tests.Infrastructure;

public static partial class HttpClientExtensions
{
    /// <summary>Signs in through the real sign-in form (antiforgery token included); the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = "Demo@12345")
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    /// <summary>A static form's POST body: the page's antiforgery token, the form's handler name and the fields.</summary>
    public static FormUrlEncodedContent FormOf(string page, string handler, params (string Key, string Value)[] fields)
    {
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value, ["_handler"] = handler };
        foreach (var (key, value) in fields)
            values[key] = value;
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
