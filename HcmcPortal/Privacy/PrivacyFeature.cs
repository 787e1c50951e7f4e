using System.Globalization;
using HcmcPortal.Accounts;
using HcmcPortal.Api;
using HcmcPortal.Domain;

namespace HcmcPortal.Privacy;

/// <summary>Personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the access log, its search and export, and the person's own data download.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services) => services
        .AddSingleton<PersonalDataLog>()
        .AddSingleton<PersonalDataAccessQueries>()
        .AddSingleton<PersonalDataExport>();

    public static void MapPrivacyFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tai-khoan/du-lieu-ca-nhan", DownloadAsync).RequireAuthorization();
        app.MapGet("/api/v1/me/data", DownloadAsync).RequireAuthorization(ApiSetup.ApiUser).WithTags("Tài khoản")
            .WithSummary("Tải toàn bộ dữ liệu cá nhân của tôi (ZIP gồm các tệp JSON và tệp đính kèm)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/quan-tri/nhat-ky-du-lieu-ca-nhan.xlsx", ExportLogAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, PersonalDataExport export, TimeProvider clock, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor)
            return Results.Challenge();
        // A temporary file keeps memory bounded whatever the number of files; it is deleted once sent.
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await export.WriteAsync(actor, stream, ct);
        stream.Position = 0;
        return Results.File(stream, "application/zip", $"du-lieu-ca-nhan-{VietnamTime.Now(clock):yyyyMMdd}.zip");
    }

    private static async Task<IResult> ExportLogAsync(HttpContext http, string? user, string? code, string? screen, string? from, string? to,
        PersonalDataAccessQueries accesses, CancellationToken ct)
    {
        if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
            return Results.BadRequest("Ngày không hợp lệ; dùng định dạng yyyy-MM-dd.");
        var bytes = await accesses.ExportAsync(Actor.From(http.User)!, new AccessLogFilter(user, code, fromDate, toDate, screen), ct);
        return bytes is null
            ? Results.NotFound()
            : Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "nhat-ky-truy-cap-du-lieu-ca-nhan.xlsx");
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year is < 2000 or > 2100)
            return false;
        date = d;
        return true;
    }
}
