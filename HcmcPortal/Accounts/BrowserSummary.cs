using System.Text.RegularExpressions;

namespace HcmcPortal.Accounts;

/// <summary>
/// "Chrome 131 · Windows" from a User-Agent header, for a person to recognise their own device in a list of sessions.
/// No parser library is served here, so this knows only the browsers and systems common in Vietnam and says what it
/// does not know: the first product of an unknown agent (the app's HTTP client, a script), or nothing.
/// </summary>
public static partial class BrowserSummary
{
    public const int MaxLength = 100;

    // Order matters: Edge, Opera, Cốc Cốc, Samsung Internet and Zalo's in-app browser all also call themselves Chrome
    // and Safari; Chrome on iOS calls itself Safari.
    private static readonly (string Name, Regex Pattern)[] Browsers =
    [
        ("Zalo", Product("Zalo")),
        ("Cốc Cốc", Product("coc_coc_browser")),
        ("Edge", Product("Edg(?:e|A|iOS)?")),
        ("Opera", Product("OPR")),
        ("Samsung Internet", Product("SamsungBrowser")),
        ("Firefox", Product("(?:Firefox|FxiOS)")),
        ("Chrome", Product("(?:HeadlessChrome|Chrome|CriOS)")),
        ("Safari", Product("Version")),
    ];

    private static Regex Product(string name) => new($@"\b{name}/(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return null;
        var browser = Browsers.Select(b => (b.Name, Match: b.Pattern.Match(userAgent))).FirstOrDefault(b => b.Match.Success);
        var name = browser.Match is { } m ? $"{browser.Name} {m.Groups[1].Value}" : FirstProduct(userAgent);
        var system = SystemOf(userAgent);
        var summary = system is null ? name : $"{name} · {system}";
        return summary.Length <= MaxLength ? summary : summary[..MaxLength];
    }

    private static string? SystemOf(string ua)
    {
        if (IosVersion().Match(ua) is { Success: true } ios)
            return $"{(ua.Contains("iPad", StringComparison.Ordinal) ? "iPadOS" : "iOS")} {ios.Groups[1].Value}";
        if (AndroidVersion().Match(ua) is { Success: true } android)
            return $"Android {android.Groups[1].Value}";
        if (ua.Contains("Windows", StringComparison.Ordinal)) return "Windows";
        if (ua.Contains("CrOS", StringComparison.Ordinal)) return "ChromeOS";
        if (ua.Contains("Mac OS X", StringComparison.Ordinal)) return "macOS";
        if (ua.Contains("Linux", StringComparison.Ordinal)) return "Linux";
        return null;
    }

    /// <summary>"okhttp/4.12.0 …" → "okhttp 4.12.0"; a header that is no product at all is kept short as it is.</summary>
    private static string FirstProduct(string ua)
    {
        var first = ua.Trim().Split(' ', 2)[0];
        var slash = first.IndexOf('/');
        return slash > 0 ? $"{first[..slash]} {first[(slash + 1)..]}" : first;
    }

    [GeneratedRegex(@"(?:iPhone|CPU) OS (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex IosVersion();

    [GeneratedRegex(@"Android (\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex AndroidVersion();
}
