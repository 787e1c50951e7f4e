using HcmcPortal.Accounts;

namespace HcmcPortal.Tests.Foundation;

/// <summary>The browser and system shown beside a session, from the User-Agent headers of the devices common in Vietnam.</summary>
public sealed class BrowserSummaryTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 · Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge 131 · Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/130.0.0 Chrome/124.0.0.0 Safari/537.36", "Cốc Cốc 130 · Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari 17 · iOS 17")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome 131 · iOS 17")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet 26 · Android 14")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 · macOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome 131 · Linux")]
    [InlineData("okhttp/4.12.0", "okhttp 4.12.0")]
    [InlineData("Dart/3.5 (dart:io)", "Dart 3.5")]
    public void Names_the_browser_and_the_system(string userAgent, string expected) => Assert.Equal(expected, BrowserSummary.Of(userAgent));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_absent_header_gives_nothing(string? userAgent) => Assert.Null(BrowserSummary.Of(userAgent));

    [Fact]
    public void A_long_header_is_cut_to_the_column()
    {
        var summary = BrowserSummary.Of(new string('x', 500))!;
        Assert.Equal(BrowserSummary.MaxLength, summary.Length);
    }
}
