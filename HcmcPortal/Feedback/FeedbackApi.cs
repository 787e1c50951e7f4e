using System.Globalization;
using System.Security.Claims;
using HcmcPortal.Accounts;
using HcmcPortal.Api;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Operations;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.Mvc;

namespace HcmcPortal.Feedback;

/// <summary>
/// The 1022 channel for the city's app (<c>/api/v1/feedback</c>): the same <see cref="FeedbackService"/> and validator as
/// the web page, so a report is checked and routed the same way whichever door it came through.
/// </summary>
public static class FeedbackApi
{
    /// <summary>Five photos of at most 10 MB each, plus the text.</summary>
    public const long MaxRequestBytes = FeedbackImages.MaxPhotos * FeedbackImages.MaxBytes + 1024 * 1024;

    public sealed record CategoryDto(int Id, string Code, string Name);
    public sealed record CreatedDto(string Code, int Status, string StatusName, string UnitName, DateTime SubmittedAt, DateTime AcceptDueAt);
    public sealed record RowDto(string Code, string Title, string Category, string UnitName, int Status, string StatusName, DateTime SubmittedAt, DateTime? DueAt, bool Followed);
    public sealed record PageDto(IReadOnlyList<RowDto> Items, int Total, int Page, int PageSize);
    public sealed record PhotoDto(Guid Id, string Kind, string Url, string ThumbnailUrl);
    public sealed record EventDto(DateTime At, string Action, string ActionName, int Status, string StatusName, string? Note);
    public sealed record DetailDto(string Code, string Title, string Description, string Category, double? Latitude, double? Longitude, string? Address,
        string UnitName, int Status, string StatusName, DateTime SubmittedAt, DateTime? DueAt, string? Deadline, string? InfoRequest, string? Answer,
        string? RefusalReason, bool? Satisfied, string? RatingReason, bool CanReopen, IReadOnlyList<PhotoDto> Photos, IReadOnlyList<EventDto> Timeline);
    public sealed record NearbyDto(string Code, string Title, int Status, string StatusName, DateTime SubmittedAt, int DistanceMetres);
    public sealed record RatingBody(bool? Satisfied, string? Reason);
    public sealed record ReasonBody(string? Reason);

    public static void MapFeedbackApi(this RouteGroupBuilder api)
    {
        api.MapGet("/feedback/categories", async (FeedbackQueries queries, CancellationToken ct) =>
                Results.Ok((await queries.CategoriesAsync(ct)).Select(c => new CategoryDto(c.Id, c.Code, c.Name))))
            .AllowAnonymous().WithTags("Phản ánh").WithSummary("Lĩnh vực phản ánh").Produces<IReadOnlyList<CategoryDto>>();

        var feedback = api.MapGroup("/feedback").RequireAuthorization(ApiSetup.ApiUser).WithTags("Phản ánh").ProducesProblem(StatusCodes.Status401Unauthorized);
        feedback.MapPost("", SubmitAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes), new RateLimitedAttribute(RatePolicy.Feedback)).DisableAntiforgery()
            .WithSummary("Gửi phản ánh, kiến nghị (multipart/form-data)")
            .WithDescription("Các phần: categoryId, title, description, latitude và longitude (điểm trên bản đồ) hoặc address kèm unitCode, "
                + "anonymous (true: không hiện tên trên trang công khai), photosPublic (true: cho phép công khai ảnh), tối đa 5 tệp ảnh photos (JPG, PNG; tối đa 10 MB mỗi ảnh).")
            .Produces<CreatedDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        feedback.MapGet("/nearby", NearbyAsync).WithSummary("Phản ánh cùng lĩnh vực ở gần điểm đã chọn (xem trước khi gửi để tránh trùng)")
            .Produces<IReadOnlyList<NearbyDto>>().ProducesValidationProblem();
        feedback.MapGet("/mine", MineAsync).WithSummary("Phản ánh của tôi (đã gửi và đang theo dõi)").Produces<PageDto>();
        feedback.MapGet("/{code}", DetailAsync).WithSummary("Chi tiết phản ánh của tôi: trạng thái, hạn, tiến trình, kết quả")
            .Produces<DetailDto>().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPost("/{code}/info", InfoAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery()
            .WithSummary("Bổ sung thông tin theo yêu cầu của đơn vị (multipart/form-data: note, photos)")
            .Produces<DetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        feedback.MapPost("/{code}/rating", RateAsync).WithSummary("Đánh giá kết quả: satisfied true/false, reason bắt buộc khi không hài lòng")
            .Produces<DetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPost("/{code}/reopen", ReopenAsync).WithSummary("Mở lại phản ánh trong vòng 7 ngày kể từ khi có kết quả (cần nêu lý do)")
            .Produces<DetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPost("/{code}/follow", FollowAsync).WithSummary("Theo dõi phản ánh của người khác thay vì gửi trùng")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries,
        Microsoft.Extensions.Options.IOptions<RateLimitOptions> limits, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        if (!request.HasFormContentType)
            return ApiProblems.Field("form", "Yêu cầu phải gửi dạng multipart/form-data.");
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var categoryId = Int(form["categoryId"], "categoryId", "Lĩnh vực phản ánh không hợp lệ.", errors);
        var latitude = Number(form["latitude"], "latitude", errors);
        var longitude = Number(form["longitude"], "longitude", errors);
        int? unitId = null;
        if (form["unitCode"].ToString().Trim() is { Length: > 0 } unitCode)
        {
            unitId = (await queries.UnitsAsync(ct)).FirstOrDefault(u => u.Code == unitCode)?.Id;
            if (unitId is null)
                errors["unitCode"] = [$"Không có phường, xã, đặc khu mã {unitCode}."];
        }
        var photos = await ReadPhotosAsync(form, errors, ct);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors, errors.First().Value[0]);
        var result = await service.SubmitAsync(actor, new FeedbackDraft
        {
            CategoryId = categoryId, Title = form["title"], Description = form["description"], Latitude = latitude, Longitude = longitude,
            Address = form["address"], UnitId = unitId, AnonymousToPublic = Flag(form["anonymous"]), PhotosPublic = Flag(form["photosPublic"]), Photos = photos,
        }, ct);
        if (result.Status == CommandStatus.Limited)
            request.HttpContext.Response.Headers.RetryAfter = limits.Value.Feedback.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        if (!result.Succeeded)
            return Problem(result);
        var d = (await queries.DetailAsync(actor, result.Code!, ct))!;
        return Results.Created($"/api/v1/feedback/{d.Code}", new CreatedDto(d.Code, (int)d.Status, FeedbackText.StatusName(d.Status), d.UnitName, d.SubmittedAt, d.AcceptDueAt));
    }

    private static async Task<IResult> NearbyAsync(int? categoryId, string? lat, string? lng, FeedbackService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var latitude = Number(lat, "lat", errors);
        var longitude = Number(lng, "lng", errors);
        if (categoryId is null || latitude is null || longitude is null)
            return ApiProblems.Validation(errors.Count > 0 ? errors : new() { ["lat"] = ["Cần categoryId, lat và lng."] }, "Cần categoryId, lat và lng.");
        var nearby = await service.NearbyAsync(categoryId.Value, latitude.Value, longitude.Value, ct);
        return Results.Ok(nearby.Select(n => new NearbyDto(n.Code, n.Title, (int)n.Status, FeedbackText.StatusName(n.Status), n.SubmittedAt, (int)Math.Round(n.DistanceMetres))));
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, FeedbackQueries queries, int? page, int? pageSize, CancellationToken ct)
    {
        var p = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var list = await queries.MineAsync(Actor.From(user)!, p - 1, size, ct);
        return Results.Ok(new PageDto([.. list.Items.Select(r => new RowDto(r.Code, r.Title, r.Category, r.UnitName, (int)r.Status,
            FeedbackText.StatusName(r.Status), r.SubmittedAt, r.DueAt, r.Followed))], list.Total, p, size));
    }

    private static async Task<IResult> DetailAsync(string code, ClaimsPrincipal user, FeedbackQueries queries, CancellationToken ct) =>
        await OwnAsync(code, Actor.From(user)!, queries, ct) is { } d ? Results.Ok(Dto(d)) : ApiProblems.NotFound("Không tìm thấy phản ánh.");

    private static async Task<IResult> InfoAsync(string code, HttpRequest request, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return ApiProblems.Field("form", "Yêu cầu phải gửi dạng multipart/form-data.");
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var photos = await ReadPhotosAsync(form, errors, ct);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors, errors.First().Value[0]);
        return await ActAsync(code, user, service, queries, FeedbackAction.ProvideInfo, c => c with { Note = form["note"], Photos = photos }, ct);
    }

    private static Task<IResult> RateAsync(string code, RatingBody? body, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries, CancellationToken ct) =>
        ActAsync(code, user, service, queries, FeedbackAction.Rate, c => c with { Satisfied = body?.Satisfied, Note = body?.Reason }, ct);

    private static Task<IResult> ReopenAsync(string code, ReasonBody? body, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries, CancellationToken ct) =>
        ActAsync(code, user, service, queries, FeedbackAction.Reopen, c => c with { Note = body?.Reason }, ct);

    private static async Task<IResult> FollowAsync(string code, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries, CancellationToken ct)
    {
        var id = await queries.IdOfAsync(code, ct);
        if (id is null)
            return ApiProblems.NotFound("Không tìm thấy phản ánh.");
        var result = await service.FollowAsync(Actor.From(user)!, id.Value, ct);
        return result.Succeeded ? Results.NoContent() : Problem(result);
    }

    /// <summary>The reporter's own report at its current version, then the step: an API client acts on what it last read.</summary>
    private static async Task<IResult> ActAsync(string code, ClaimsPrincipal user, FeedbackService service, FeedbackQueries queries, FeedbackAction action,
        Func<FeedbackCommand, FeedbackCommand> fill, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        if (await OwnAsync(code, actor, queries, ct) is not { } d)
            return ApiProblems.NotFound("Không tìm thấy phản ánh.");
        var result = await service.ActAsync(actor, fill(new FeedbackCommand(d.Id, d.Version, action)), ct);
        if (!result.Succeeded)
            return Problem(result);
        return Results.Ok(Dto((await queries.DetailAsync(actor, code, ct))!));
    }

    private static async Task<FeedbackDetail?> OwnAsync(string code, Actor actor, FeedbackQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(actor, code, ct) is { IsReporter: true } d ? d : null;

    private static IResult Problem(FeedbackResult result) =>
        result.FieldErrors.Count > 0
            ? ApiProblems.Validation(result.FieldErrors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }), result.Message!)
            : result.Status == CommandStatus.NotFound ? ApiProblems.NotFound(result.Message!) : ApiProblems.From(result.ToCommandResult());

    private static string JsonName(string property) => property switch
    {
        nameof(FeedbackDraft.UnitId) => "unitCode",
        nameof(FeedbackDraft.AnonymousToPublic) => "anonymous",
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };

    private static DetailDto Dto(FeedbackDetail d) => new(d.Code, d.Title, d.Description, d.Category, d.Latitude, d.Longitude, d.Address, d.UnitName,
        (int)d.Status, FeedbackText.StatusName(d.Status), d.SubmittedAt, d.DueAt, d.Deadline?.ToString(), d.InfoRequest, d.Answer, d.RefusalReason,
        d.Satisfied, d.RatingReason, d.CanReopen,
        [.. d.Photos.Select(p => new PhotoDto(p.Id, p.Kind.ToString(), FeedbackPhotoEndpoint.Url(p.Id), FeedbackPhotoEndpoint.Url(p.Id, thumbnail: true)))],
        [.. d.Timeline.Select(t => new EventDto(t.At, t.Action.ToString(), FeedbackText.ActionName(t.Action), (int)t.To, FeedbackText.StatusName(t.To), t.Note))]);

    /// <summary>Photos arrive as parts named <c>photos</c>; the size is checked before reading the bytes, the content by the shared rules.</summary>
    private static async Task<List<UploadedFile>> ReadPhotosAsync(IFormCollection form, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var photos = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            if (file.Name != "photos")
            {
                errors[file.Name] = ["Tệp ảnh phải gửi trong trường photos."];
                continue;
            }
            if (file.Length > FeedbackImages.MaxBytes)
            {
                errors["photos"] = [$"Ảnh «{TextRules.SafeFileName(file.FileName)}» vượt quá dung lượng tối đa {FeedbackImages.MaxBytes / 1024 / 1024} MB."];
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            photos.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }
        return photos;
    }

    private static int? Int(string? text, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[field] = [message];
        return null;
    }

    private static double? Number(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        errors[field] = [field.StartsWith("lat", StringComparison.Ordinal) ? "Vĩ độ không hợp lệ." : "Kinh độ không hợp lệ."];
        return null;
    }

    private static bool Flag(string? text) => text?.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes";
}
