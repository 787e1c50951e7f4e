using HcmcPortal.Dossiers;
using HcmcPortal.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HcmcPortal.Api;

/// <summary>RFC 9457 problem details with Vietnamese title and detail.</summary>
public static class ApiProblems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string detail = "Dữ liệu gửi lên chưa hợp lệ.") =>
        Results.ValidationProblem(errors, detail: detail, title: "Dữ liệu không hợp lệ");

    public static IResult Field(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>Someone else's dossier and a dossier that does not exist get the same answer.</summary>
    public static IResult NotFound(string detail = "Không tìm thấy hồ sơ.") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy", detail: detail);

    public static IResult From(CommandResult result) => result.Status switch
    {
        CommandStatus.NotFound => NotFound(result.Message ?? "Không tìm thấy hồ sơ."),
        CommandStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền", detail: result.Message),
        CommandStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Hồ sơ đã thay đổi", detail: result.Message),
        CommandStatus.Limited => Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu", detail: result.Message),
        CommandStatus.KeyReused => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key đã được dùng", detail: result.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ", detail: result.Message),
    };

    /// <summary>
    /// Gives a problem body to an error answered without one (an authentication challenge, a request body that does not
    /// bind, an unknown route), so the app sees JSON rather than the portal's HTML status page.
    /// </summary>
    public static async Task WriteIfBodilessAsync(HttpContext http, string? detailOverride = null)
    {
        var response = http.Response;
        if (response.StatusCode < 400 || response.HasStarted
            || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType))
            return;
        var (title, detail) = response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ("Chưa đăng nhập", "Vui lòng đăng nhập và gửi mã truy cập trong tiêu đề Authorization: Bearer."),
            StatusCodes.Status403Forbidden => ("Không có quyền", "Tài khoản không có quyền thực hiện thao tác này."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", "Không có địa chỉ API này."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", "Địa chỉ API này không nhận phương thức đã gửi."),
            StatusCodes.Status413PayloadTooLarge => ("Dữ liệu quá lớn", "Yêu cầu vượt quá dung lượng cho phép."),
            StatusCodes.Status415UnsupportedMediaType => ("Kiểu dữ liệu không được hỗ trợ", "Vui lòng gửi JSON (application/json) hoặc multipart/form-data theo tài liệu API."),
            >= 500 => ("Lỗi hệ thống", "Hệ thống đang gặp sự cố. Vui lòng thử lại sau."),
            _ => ("Yêu cầu không hợp lệ", "Yêu cầu không đúng định dạng theo tài liệu API."),
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = response.StatusCode, Title = title, Detail = detailOverride ?? detail },
        });
    }

    /// <summary>Inside the status-code pages, around the API endpoints: see <see cref="WriteIfBodilessAsync"/>.</summary>
    public static void UseApiProblemBodies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (ApiSetup.IsApiRequest(http.Request))
            await WriteIfBodilessAsync(http);
    });

    /// <summary>
    /// An exception in an API request (a body that does not bind, or a fault) is answered with a problem, not by re-executing
    /// the portal's HTML error page (which, for a POST or PUT, ends as 405).
    /// </summary>
    public sealed class Exceptions : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            // The middleware has already pointed the request at the error page; the feature keeps the original path.
            if (!ApiSetup.IsApiPath(http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path))
                return false;
            var status = BadRequests.StatusOf(exception);
            http.Response.StatusCode = status ?? StatusCodes.Status500InternalServerError;
            await WriteIfBodilessAsync(http, status is null ? null : BadRequests.Detail);
            return true;
        }
    }

    /// <summary>The authorization middleware's challenge and forbid happen before any endpoint runs: they get their problem body here.</summary>
    public sealed class AuthorizationResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler standard = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            if (!authorizeResult.Succeeded && ApiSetup.IsApiRequest(context.Request))
                await WriteIfBodilessAsync(context);
        }
    }
}
