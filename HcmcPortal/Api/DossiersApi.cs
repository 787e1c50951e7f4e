using System.Security.Claims;
using System.Text.Json;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Notifications;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Operations;
using HcmcPortal.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Api;

/// <summary>
/// The citizen's services over REST for the city's mobile app. Every endpoint calls the same services as the web
/// pages (catalogue, drafts' submission checks, "Hồ sơ của tôi", DossierService, lookup, notifications): no rule twice.
/// </summary>
public static class DossiersApi
{
    public const long MaxRequestBytes = 64 * 1024 * 1024;
    /// <summary>The length of Dossier.IdempotencyKey in the database.</summary>
    public const int MaxIdempotencyKeyLength = HcmcPortal.Validation.TextLimits.IdempotencyKey;

    public static void MapDossiersApi(this RouteGroupBuilder api)
    {
        var catalogue = api.MapGroup("/procedures").WithTags("Thủ tục").AllowAnonymous();
        catalogue.MapGet("", SearchProceduresAsync).WithSummary("Tìm thủ tục hành chính").Produces<PageOf<ProcedureDto>>();
        catalogue.MapGet("/{code}", ProcedureAsync).WithSummary("Chi tiết thủ tục: giấy tờ, trường tờ khai, cơ quan tiếp nhận")
            .Produces<ProcedureDetailDto>().ProducesProblem(StatusCodes.Status404NotFound);
        // The ids an address answer takes ({"districtId","wardId","street"}), as the web form's pickers list them: the
        // units that exist today. Since 01/07/2025 there is no district level, so "/districts" lists the city and its
        // wards are the 168 commune-level units (the route keeps its name for the apps already using it).
        var places = api.MapGroup("/districts").WithTags("Thủ tục").AllowAnonymous();
        places.MapGet("", async (ProcedureCatalog catalog, CancellationToken ct) => Results.Ok(await catalog.DistrictsAsync(ct)))
            .WithSummary("Cấp trên của phường, xã hiện hành (từ 01/07/2025: Thành phố) cho trường địa chỉ").Produces<IReadOnlyList<UnitOption>>();
        places.MapGet("/{districtId:int}/wards", async (int districtId, ProcedureCatalog catalog, CancellationToken ct) => Results.Ok(await catalog.WardsAsync(districtId, ct)))
            .WithSummary("Phường, xã, đặc khu hiện hành thuộc đơn vị đã chọn").Produces<IReadOnlyList<UnitOption>>();
        api.MapGet("/lookup", LookupAsync).AllowAnonymous().WithTags("Tra cứu")
            .WithSummary("Tra cứu tình trạng hồ sơ bằng mã hồ sơ và 4 số cuối CCCD hoặc điện thoại (không cần đăng nhập)")
            .Produces<LookupDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var citizen = api.MapGroup("").RequireAuthorization(ApiSetup.ApiUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        citizen.MapGet("/notifications", NotificationsAsync).WithTags("Thông báo").WithSummary("Thông báo của tôi").Produces<PageOf<NotificationDto>>();
        var dossiers = citizen.MapGroup("/dossiers").WithTags("Hồ sơ");
        dossiers.MapPost("", SubmitAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes), new RateLimitedAttribute(RatePolicy.Submission)).DisableAntiforgery()
            .WithSummary("Nộp hồ sơ trực tuyến (multipart/form-data)")
            .WithDescription("Các phần: procedureCode, unitCode, form (JSON: mã trường → giá trị; địa chỉ là {\"districtId\",\"wardId\",\"street\"}), "
                + "tệp doc_<mã giấy tờ> (PDF, JPG, PNG; tối đa 10 MB mỗi tệp). Tiêu đề Idempotency-Key (tối đa 100 ký tự): gửi lại cùng khóa trả về hồ sơ đã tạo.")
            .Produces<SubmittedDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        dossiers.MapGet("", ListAsync).WithSummary("Hồ sơ của tôi").Produces<PageOf<DossierRowDto>>();
        dossiers.MapGet("/{code}", DetailAsync).WithSummary("Chi tiết hồ sơ: trạng thái, hạn trả kết quả, tiến trình")
            .Produces<DossierDto>().ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPost("/{code}/supplement", SupplementAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery()
            .WithSummary("Nộp giấy tờ bổ sung (multipart/form-data: tệp doc_<mã giấy tờ> hoặc files)").Produces<StatusDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapPost("/{code}/withdraw", WithdrawAsync).WithSummary("Rút hồ sơ (cần nêu lý do)").Produces<StatusDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapPost("/{code}/rating", RateAsync).WithSummary("Đánh giá mức độ hài lòng (một lần, sau khi có kết quả)").Produces<RatingDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapGet("/{code}/result", ResultAsync).WithSummary("Tải tệp kết quả giải quyết")
            .Produces(StatusCodes.Status200OK, responseType: null, "application/pdf", "image/jpeg", "image/png").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record TimeLimitDto(int Value, string Unit);
    public sealed record ProcedureDto(string Code, string Name, string Field, string Level, TimeLimitDto TimeLimit, long FeeVnd, bool FullyOnline);
    public sealed record UnitDto(string Code, string Name);
    public sealed record ProcedureDetailDto(string Code, string Name, string Field, string Level, TimeLimitDto TimeLimit, long FeeVnd, bool FullyOnline,
        string Description, string HandlingAgency, IReadOnlyList<RequiredDocumentInfo> RequiredDocuments, IReadOnlyList<FormFieldDto> FormFields,
        IReadOnlyList<UnitDto> ReceivingUnits);
    public sealed record FormFieldDto(string Key, string Label, string Type, bool Required, IReadOnlyList<string> Options);
    public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
    public sealed record SubmittedDto(Guid Id, string Code, int Status, string StatusName, DateTime SubmittedAt);
    public sealed record DossierRowDto(string Code, string ProcedureName, int Status, string StatusName, DateTime SubmittedAt, DateTime? DueAt);
    public sealed record TimelineDto(DateTime At, string Action, string Unit, int Status, string StatusName, string? Note);
    public sealed record FileDto(Guid Id, string FileName, string Kind, string? DocumentName, long Size);
    public sealed record DossierDto(string Code, string ProcedureCode, string ProcedureName, string UnitName, int Status, string StatusName,
        DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt, DateTime? FinishedAt, string? Deadline, string? SupplementRequest,
        IReadOnlyList<FileDto> Files, IReadOnlyList<TimelineDto> Timeline, RatingDto? Rating);
    public sealed record RatingDto(string Level, string? Comment, DateTime At);
    public sealed record StatusDto(string Code, int Status, string StatusName, DateTime? DueAt);
    public sealed record LookupDto(string Code, int Status, string StatusName, DateTime? ReceivedAt, DateTime? DueAt);
    public sealed record NotificationDto(long Id, string? DossierCode, string Title, string Body, DateTime At, bool IsRead);
    public sealed record WithdrawBody(string? Reason);
    public sealed record RatingBody(string? Level, string? Comment);

    private static TimeLimitDto Limit(TimeLimit l) => new(l.Value, l.Unit.ToString());

    private static async Task<IResult> SearchProceduresAsync(ProcedureCatalog catalog, string? q, string? field, int? page, int? pageSize, CancellationToken ct)
    {
        var p = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var result = await catalog.SearchAsync(new ProcedureQuery(q, field, Page: p - 1, PageSize: size), ct);
        return Results.Ok(new PageOf<ProcedureDto>(result.Items.Select(r => new ProcedureDto(r.Code, r.Name, r.Field, r.Level.ToString(),
            Limit(r.TimeLimit), r.FeeVnd, r.FullyOnline)).ToList(), result.Total, p, size));
    }

    private static async Task<IResult> ProcedureAsync(string code, ProcedureCatalog catalog, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var d = await catalog.DetailAsync(code, ct);
        if (d is null)
            return ApiProblems.NotFound("Không tìm thấy thủ tục.");
        var unitIds = (await catalog.ReceivingUnitsAsync(d.Level, d.ReceivingUnitCodes, ct)).Select(u => u.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new UnitDto(u.Code, u.Name)).ToListAsync(ct);
        return Results.Ok(new ProcedureDetailDto(d.Code, d.Name, d.Field, d.Level.ToString(), Limit(d.TimeLimit), d.FeeVnd, d.FullyOnline, d.Description,
            d.HandlingAgency, d.Documents, d.FormFields.Select(f => new FormFieldDto(f.Key, f.Label, f.Type.ToString(), f.Required, f.Options)).ToList(), units));
    }

    /// <summary>
    /// multipart/form-data: procedureCode, unitCode, form (JSON object: field key → value; an address is
    /// {"districtId","wardId","street"}), files named doc_&lt;requiredDocumentId&gt;. The applicant is the caller's profile.
    /// </summary>
    private static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, ProcedureCatalog catalog, DraftService drafts,
        IDbContextFactory<AppDbContext> dbFactory, DossierService dossierService, Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> limits,
        FileRules fileRules, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        if (!actor.IsInRole(Roles.Citizen))
            return ApiProblems.From(CommandResult.Forbidden());
        if (!request.HasFormContentType)
            return ApiProblems.Field("form", "Yêu cầu phải gửi dạng multipart/form-data.");
        var form = await request.ReadFormAsync(ct);
        var procedure = await catalog.DetailAsync(form["procedureCode"].ToString(), ct);
        if (procedure is null)
            return ApiProblems.Field("procedureCode", "Không tìm thấy thủ tục.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitCode = form["unitCode"].ToString().Trim();
        if (unitCode.Length == 0)
            return ApiProblems.Field("unitCode", Reception.NoUnitMessage);
        // A code names today's unit, or the dissolved one that had it, so that the shared reception rule can say what replaced it.
        var unit = await db.Units.ByCodeAsOfAsync(unitCode, VietnamTime.Today(clock), ct);
        if (unit is null)
            return ApiProblems.Field("unitCode", $"Cơ quan tiếp nhận mã {unitCode} không tồn tại.");

        var data = new DraftData { Applicant = await drafts.ProfileAsync(actor, ct), UnitId = unit.Id };
        if (ReadAnswers(form["form"].ToString(), procedure, data) is { } formError)
            return ApiProblems.Field("form", formError);
        var (files, fileErrors) = await ReadFilesAsync(form, fileRules, ct);
        if (fileErrors.Count > 0)
            return ApiProblems.Validation(fileErrors, "Có tệp đính kèm không hợp lệ.");

        var key = request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length > MaxIdempotencyKeyLength)
            return ApiProblems.Field("Idempotency-Key", $"Idempotency-Key tối đa {MaxIdempotencyKeyLength} ký tự.");
        var submitted = await drafts.SubmitDataAsync(actor, procedure, data, files, key.Length == 0 ? null : key, null, ct);
        if (submitted.FieldErrors.Count > 0)
            return ApiProblems.Validation(submitted.FieldErrors.ToDictionary(e => ApiFieldName(e.Key), e => new[] { e.Value }), submitted.Result.Message!);
        if (submitted.Result.Status == CommandStatus.Limited)
            request.HttpContext.Response.Headers.RetryAfter = limits.CurrentValue.Submission.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!submitted.Result.Succeeded)
            return ApiProblems.From(submitted.Result);
        var created = await db.Dossiers.AsNoTracking().Where(d => d.Id == submitted.Result.DossierId)
            .Select(d => new { d.Id, d.Code, d.Status, d.SubmittedAt }).SingleAsync(ct);
        return Results.Created($"/api/v1/dossiers/{created.Code}",
            new SubmittedDto(created.Id, created.Code, (int)created.Status, DossierText.StatusName(created.Status), created.SubmittedAt));
    }

    /// <summary>Field keys of the shared checks, named as the API's client sends them.</summary>
    private static string ApiFieldName(string key) =>
        key.StartsWith("Doc.", StringComparison.Ordinal) ? "doc_" + key[4..]
        : key.StartsWith("Applicant.", StringComparison.Ordinal) ? "profile." + JsonNamingPolicy.CamelCase.ConvertName(key[10..])
        : key == FormRules.Keys.Unit ? "unitCode"
        : "form." + key;

    private static string? ReadAnswers(string json, ProcedureDetail procedure, DraftData data)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return "Trường form phải là một đối tượng JSON.";
            foreach (var field in procedure.FormFields)
            {
                if (!doc.RootElement.TryGetProperty(field.Key, out var value))
                    continue;
                if (field.Type == FormFieldType.Address)
                    data.Addresses[field.Key] = value.ValueKind == JsonValueKind.Object
                        ? value.Deserialize<AddressAnswer>(FormRules.Json) ?? new()
                        : new AddressAnswer { Street = value.ToString() };
                else
                    data.Answers[field.Key] = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
            return null;
        }
        catch (JsonException)
        {
            return "Trường form không phải JSON hợp lệ.";
        }
    }

    /// <summary>Files named doc_&lt;id&gt;; the size is checked before reading, the content type by magic bytes in the shared rules.</summary>
    private static async Task<(List<UploadedFile> Files, Dictionary<string, string[]> Errors)> ReadFilesAsync(IFormCollection form, FileRules rules, CancellationToken ct)
    {
        var files = new List<UploadedFile>();
        var errors = new Dictionary<string, string[]>();
        foreach (var file in form.Files)
        {
            int? slot = file.Name.StartsWith("doc_", StringComparison.Ordinal) && int.TryParse(file.Name[4..], out var id) ? id : null;
            if (slot is null && file.Name != "files")
            {
                errors[file.Name] = ["Tên trường tệp phải có dạng doc_<mã giấy tờ>."];
                continue;
            }
            if (file.Length > rules.MaxBytes)
            {
                errors[file.Name] = [$"Tệp «{HcmcPortal.Validation.TextRules.SafeFileName(file.FileName)}» vượt quá dung lượng tối đa {rules.Current.MaxMegabytes} MB."];
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var (_, error) = rules.Check(file.FileName, bytes);
            if (error is not null)
                errors[file.Name] = [error];
            else
                files.Add(new UploadedFile(file.FileName, bytes, slot));
        }
        return (files, errors);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, MyDossierService mine, int? page, int? pageSize, CancellationToken ct)
    {
        var p = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var result = await mine.ListAsync(Actor.From(user)!, new MyDossierQuery(Page: p - 1, PageSize: size), ct);
        return Results.Ok(new PageOf<DossierRowDto>(result.Items.Select(r => new DossierRowDto(r.Code, r.ProcedureName, (int)r.Status,
            DossierText.StatusName(r.Status), r.SubmittedAt, r.DueAt)).ToList(), result.Total, p, size));
    }

    /// <summary>The caller's own dossier by code; anyone else's is the same 404 as one that does not exist.</summary>
    private static async Task<MyDossierDetail?> OwnAsync(string code, Actor actor, MyDossierService mine, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Dossiers.VisibleTo(actor).Where(d => d.Code == code && d.ApplicantUserId == actor.UserId)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        return id is Guid found ? await mine.DetailAsync(actor, found, ct) : null;
    }

    private static async Task<IResult> DetailAsync(string code, ClaimsPrincipal user, MyDossierService mine, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var d = await OwnAsync(code, Actor.From(user)!, mine, dbFactory, ct);
        if (d is null)
            return ApiProblems.NotFound();
        return Results.Ok(new DossierDto(d.Code, d.ProcedureCode, d.ProcedureName, d.UnitName, (int)d.Status, DossierText.StatusName(d.Status),
            d.SubmittedAt, d.ReceivedAt, d.DueAt, d.FinishedAt, d.Deadline?.ToString(), d.SupplementRequest,
            d.Files.Select(f => new FileDto(f.Id, f.FileName, f.Kind.ToString(), f.DocumentName, f.Size)).ToList(),
            d.Timeline.Select(t => new TimelineDto(t.At, t.Action, t.ActorUnit, (int)t.ToStatus, DossierText.StatusName(t.ToStatus), t.Note)).ToList(),
            d.Rating is null ? null : new RatingDto(d.Rating.Level.ToString(), d.Rating.Comment, d.Rating.At)));
    }

    private static async Task<IResult> SupplementAsync(string code, HttpRequest request, ClaimsPrincipal user, MyDossierService mine,
        IDbContextFactory<AppDbContext> dbFactory, DossierService dossierService, FileRules fileRules, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        var d = await OwnAsync(code, actor, mine, dbFactory, ct);
        if (d is null)
            return ApiProblems.NotFound();
        if (!request.HasFormContentType)
            return ApiProblems.Field("files", "Yêu cầu phải gửi dạng multipart/form-data.");
        var (files, errors) = await ReadFilesAsync(await request.ReadFormAsync(ct), fileRules, ct);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors, "Có tệp đính kèm không hợp lệ.");
        var result = await dossierService.ApplyAsync(actor, new ActionRequest(d.Id, d.Version, DossierAction.SubmitSupplement) { Files = files }, ct);
        return result.Succeeded ? Results.Ok(await StatusOfAsync(result, dbFactory, ct)) : ApiProblems.From(result);
    }

    private static async Task<IResult> WithdrawAsync(string code, WithdrawBody? body, ClaimsPrincipal user, MyDossierService mine,
        IDbContextFactory<AppDbContext> dbFactory, DossierService dossierService, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        var d = await OwnAsync(code, actor, mine, dbFactory, ct);
        if (d is null)
            return ApiProblems.NotFound();
        var result = await dossierService.ApplyAsync(actor, new ActionRequest(d.Id, d.Version, DossierAction.Withdraw) { Note = body?.Reason }, ct);
        return result.Succeeded ? Results.Ok(await StatusOfAsync(result, dbFactory, ct)) : ApiProblems.From(result);
    }

    private static async Task<IResult> RateAsync(string code, RatingBody? body, ClaimsPrincipal user, MyDossierService mine,
        IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        var d = await OwnAsync(code, actor, mine, dbFactory, ct);
        if (d is null)
            return ApiProblems.NotFound();
        SatisfactionLevel? level = body?.Level?.Trim().ToLowerInvariant() switch
        {
            "satisfied" or "hai-long" or "1" => SatisfactionLevel.Satisfied,
            "normal" or "binh-thuong" or "2" => SatisfactionLevel.Normal,
            "not-satisfied" or "khong-hai-long" or "3" => SatisfactionLevel.NotSatisfied,
            _ => null,
        };
        if (level is null)
            return ApiProblems.Field("level", "Mức độ hài lòng phải là satisfied, normal hoặc not-satisfied.");
        var result = await mine.RateAsync(actor, d.Id, level.Value, body?.Comment, ct);
        if (!result.Succeeded)
            return ApiProblems.From(result);
        var rating = (await mine.DetailAsync(actor, d.Id, ct))!.Rating!;
        return Results.Ok(new RatingDto(rating.Level.ToString(), rating.Comment, rating.At));
    }

    private static async Task<IResult> ResultAsync(string code, ClaimsPrincipal user, MyDossierService mine, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var d = await OwnAsync(code, Actor.From(user)!, mine, dbFactory, ct);
        if (d is null)
            return ApiProblems.NotFound();
        var result = d.HasResult ? d.Files.LastOrDefault(f => f.Kind == FileKind.Result) : null;
        if (result is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Chưa có kết quả",
                detail: d.HasResult ? "Kết quả được trả bản giấy tại bộ phận một cửa." : "Hồ sơ chưa có kết quả giải quyết.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Files.AsNoTracking().Where(f => f.Id == result.Id).Select(f => new { f.ContentType, f.FileName, f.Content!.Data }).SingleAsync(ct);
        return Results.File(file.Data, file.ContentType, file.FileName);
    }

    private static async Task<StatusDto> StatusOfAsync(CommandResult result, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dossiers.AsNoTracking().Where(x => x.Id == result.DossierId).Select(x => new { x.Code, x.Status, x.DueAt }).SingleAsync(ct);
        return new StatusDto(d.Code, (int)d.Status, DossierText.StatusName(d.Status), d.DueAt);
    }

    private static async Task<IResult> LookupAsync(string? code, string? cccdLast4, string? phoneLast4, HttpContext http, LookupService lookup, CancellationToken ct)
    {
        var r = await lookup.LookupAsync(PortalRateLimiter.ClientOf(http), code, cccdLast4 ?? phoneLast4, ct);
        if (r.RetryAfter is { } after)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return r.Outcome switch
        {
            LookupOutcome.Found => Results.Ok(new LookupDto(r.Code!, (int)r.Status!, DossierText.StatusName(r.Status!.Value), r.ReceivedAt, r.DueAt)),
            LookupOutcome.RateLimited => Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu", detail: r.Message),
            LookupOutcome.Invalid => ApiProblems.Field(string.IsNullOrWhiteSpace(code) ? "code" : "cccdLast4", r.Message!),
            _ => ApiProblems.NotFound(r.Message!),
        };
    }

    /// <summary>The inbox of the web page; each notification names its dossier by code, which the other endpoints take.</summary>
    private static async Task<IResult> NotificationsAsync(ClaimsPrincipal user, NotificationInbox inbox, IDbContextFactory<AppDbContext> dbFactory,
        bool? unreadOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var actor = Actor.From(user)!;
        var p = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var result = await inbox.ListAsync(actor, unreadOnly ?? false, p - 1, size, ct);
        var ids = result.Items.Select(n => n.DossierId).OfType<Guid>().Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = await db.Dossiers.AsNoTracking().VisibleTo(actor).Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        return Results.Ok(new PageOf<NotificationDto>(result.Items.Select(n => new NotificationDto(n.Id,
            n.DossierId is Guid id ? codes.GetValueOrDefault(id) : null, n.Title, n.Body, n.At, n.IsRead)).ToList(), result.Total, p, size));
    }
}
