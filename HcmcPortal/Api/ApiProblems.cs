using HcmcPortal.Dossiers;

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
        _ => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ", detail: result.Message),
    };
}
