using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// The portal with the cache headers of its published output: run from the build output (as tests are), MapStaticAssets
/// answers no-cache so that edits show at once; this setting restores the headers the published manifest sends.
/// </summary>
public sealed class CachedAssetsPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
    }
}

/// <summary>Issue 11 item 11: the page links fingerprinted assets, served compressed and cached for a year.</summary>
public sealed class StaticAssetTests(CachedAssetsPortalFactory portal) : IClassFixture<CachedAssetsPortalFactory>
{
    [Theory]
    [InlineData(@"href=""(/?app\.[a-z0-9]+\.css)""")]
    [InlineData(@"src=""(/?js/portal\.[a-z0-9]+\.js)""")]
    [InlineData(@"src=""(/?_framework/blazor\.web\.[a-z0-9]+\.js)""")]
    public async Task Linked_assets_are_fingerprinted_compressed_and_cached_long(string linkPattern)
    {
        var client = portal.CreateClient();
        var html = await client.GetStringAsync("/tra-cuu");
        var match = Regex.Match(html, linkPattern);
        Assert.True(match.Success, $"no fingerprinted link matching {linkPattern}");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + match.Groups[1].Value.TrimStart('/'));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {cache}");
        Assert.Contains("immutable", cache.ToString());
    }
}
