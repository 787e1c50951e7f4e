using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Builder;

namespace HcmcPortal.Operations;

/// <summary>
/// What every response carries, and whom the portal believes about the client: only the reverse proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c> may set the client's address and scheme.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// Blazor Server needs only its own script (blazor.web.js) and its WebSocket; MudBlazor writes style attributes,
    /// hence 'unsafe-inline' for styles only. Scripts are files: no inline script or event handler anywhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Host is not taken from the proxy: links come from Portal:PublicBaseUrl, and AllowedHosts filters the Host header.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // One proxy in front: the last address it appends is the client.
            o.ForwardLimit = config.GetValue("ForwardedHeaders:ForwardLimit", 1);
        });
        return services;
    }

    /// <summary>Security headers on every response, including error pages and static files (set when the response starts).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // The interactive API reference (Development only) is a third-party page with inline scripts.
            if (!http.Request.Path.StartsWithSegments("/api/docs"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(http);
    });
}
