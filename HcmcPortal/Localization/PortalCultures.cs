using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HcmcPortal.Localization;

/// <summary>Vietnamese first; English (en-GB, so dates stay dd/MM/yyyy) as the second culture.</summary>
public static class PortalCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-GB";
    public static readonly string[] Supported = [Vietnamese, English];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Text read outside a request (background mail, start-up) is Vietnamese, not the server's locale (often en_US).
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo(Vietnamese);
        services.AddLocalization();
        // Vietnamese letters go out as UTF-8, not as &#x1EA1; entities: smaller pages and readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Vietnamese).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            // Only the user's explicit choice (cookie or ?culture=) switches language; browsers' Accept-Language does not.
            // The Citizen App API answers in Vietnamese whatever the browser chose (its titles and messages are its contract).
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Task.FromResult(http.Request.Path.StartsWithSegments("/api")
                    ? new ProviderCultureResult(Vietnamese) : null)),
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Stores the chosen culture in the standard cookie and goes back; a full reload rebuilds the circuit in that culture.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (Supported.Contains(culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(HcmcPortal.Operations.LocalUrls.OrFallback(returnUrl));
        });

    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";
}

/// <summary>MudBlazor's strings in Vietnamese; in English MudBlazor's own texts are used.</summary>
public sealed class VietnameseMudLocalizer(IStringLocalizer<MudText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        PortalCultures.IsVietnamese ? texts[key] : new LocalizedString(key, key, resourceNotFound: true);
}
