using System.Diagnostics;
using System.Text.Json;
using HcmcPortal.Api;

namespace HcmcPortal.Operations;

public static class Correlation
{
    /// <summary>The id shown to the user on an error page and written in every log line of the request.</summary>
    public static string Id(HttpContext? http) => Activity.Current?.TraceId.ToString() ?? http?.TraceIdentifier ?? Guid.NewGuid().ToString("N");
}

/// <summary>
/// The one rule that tells a malformed request from a fault: the framework's exceptions for a body or form that cannot
/// be read are the client's mistake (4xx with a Vietnamese message), never a 500 — on the pages and on the API alike.
/// </summary>
public static class BadRequests
{
    public const string Detail = "Không đọc được nội dung yêu cầu (dữ liệu bị cắt, sai định dạng multipart/JSON hoặc thiếu thông tin). Vui lòng gửi lại.";

    /// <summary>The status for an exception caused by the request itself; null for a fault of the portal.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // Multipart reading: truncated body, missing or overlong boundary, section limits.
        InvalidDataException => StatusCodes.Status400BadRequest,
        // The multipart reader's "unexpected end of stream": the body stopped before its closing boundary.
        IOException { Source: "Microsoft.AspNetCore.WebUtilities" } => StatusCodes.Status400BadRequest,
        JsonException => StatusCodes.Status400BadRequest,
        // The form binder of the statically rendered pages wraps what it could not read.
        _ when exception.InnerException is { } inner => StatusOf(inner),
        _ => null,
    };

    /// <summary>
    /// A page's form post whose antiforgery token could not be read (an expired page, or a body too broken to read) is
    /// refused here in Vietnamese; the framework would answer the same 400 in English. After <c>UseAntiforgery</c>.
    /// </summary>
    public static IApplicationBuilder UseFormRefusalsInVietnamese(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false } && !ApiSetup.IsApiRequest(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("Không đọc được biểu mẫu bạn gửi (trang đã mở quá lâu hoặc dữ liệu bị lỗi). Vui lòng tải lại trang và gửi lại.");
            return;
        }
        await next(http);
    });

    /// <summary>Used by the exception handler middleware for the pages: a bad request shows the error page with 400, not 500.</summary>
    public static int StatusCodeSelector(Exception exception) => StatusOf(exception) ?? StatusCodes.Status500InternalServerError;
}

/// <summary>
/// Limits a request must respect before any endpoint runs. A query string longer than any the portal builds is answered
/// 414 with a Vietnamese body (Kestrel's own request-line limit is set above this one, so that its bare 414 is not the
/// first to answer; see docs).
/// </summary>
public static class RequestLimits
{
    public const int MaxQueryStringLength = 4096;
    /// <summary>Kestrel's request line (method, path, query) — above <see cref="MaxQueryStringLength"/> plus a long path.</summary>
    public const int KestrelMaxRequestLine = 16 * 1024;
    public const string QueryTooLong = "Địa chỉ yêu cầu quá dài. Vui lòng rút ngắn điều kiện tìm kiếm hoặc lọc.";

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.QueryString.Value?.Length > MaxQueryStringLength)
        {
            http.Response.StatusCode = StatusCodes.Status414UriTooLong;
            if (ApiSetup.IsApiRequest(http.Request))
                await Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "Địa chỉ quá dài", detail: QueryTooLong).ExecuteAsync(http);
            else
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(QueryTooLong);
            }
            return;
        }
        await next(http);
    });
}

/// <summary>Where a "return to" link may send the person: only a path of this portal, never another site.</summary>
public static class LocalUrls
{
    /// <summary><paramref name="url"/> when it is a local path ("/…", not "//…" or "/\…", no control characters); otherwise <paramref name="fallback"/>.</summary>
    public static string OrFallback(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');
}
