using System.Globalization;
using System.Resources;

namespace HcmcPortal.Localization;

/// <summary>
/// UiText resources in the current UI culture for code that is not a component (validators, services). Resolved when
/// called, so a singleton validator answers each request in that request's language; components use
/// <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public static class UiTexts
{
    private static readonly ResourceManager Resources = new("HcmcPortal.Localization.UiText", typeof(UiText).Assembly);

    /// <summary>The text in the current UI culture, or null when there is no such key.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Get(string key) => Find(key) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>The Vietnamese text, whatever the culture (what is stored, e.g. an event's actor).</summary>
    public static string? Vietnamese(string key) => Resources.GetString(key, CultureInfo.InvariantCulture);
}
