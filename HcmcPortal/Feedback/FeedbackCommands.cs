using FluentValidation;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Validation;

namespace HcmcPortal.Feedback;

/// <summary>What a resident sends (web page and API alike).</summary>
public sealed record FeedbackDraft
{
    public int? CategoryId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The point picked on the map; both or neither.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    /// <summary>The unit the resident chose; required when there is no point to find it from.</summary>
    public int? UnitId { get; init; }
    public bool AnonymousToPublic { get; init; }
    public bool PhotosPublic { get; init; }
    public IReadOnlyList<UploadedFile> Photos { get; init; } = [];
}

/// <summary>One step on a report by its unit or its reporter, with the version the actor saw.</summary>
public sealed record FeedbackCommand(Guid ReportId, Guid ExpectedVersion, FeedbackAction Action)
{
    /// <summary>The reason, the question, the answer, the reporter's information or the rating's reason.</summary>
    public string? Note { get; init; }
    public int? TargetUnitId { get; init; }
    /// <summary>For <see cref="FeedbackAction.Rate"/>.</summary>
    public bool? Satisfied { get; init; }
    /// <summary>Evidence of the result (resolve) or the reporter's extra photos (provide information).</summary>
    public IReadOnlyList<UploadedFile> Photos { get; init; } = [];
}

/// <summary>The outcome of a feedback command: field errors keyed by the draft's property names for the page and the API.</summary>
public sealed record FeedbackResult(CommandStatus Status, string? Message = null)
{
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
    public Guid? ReportId { get; init; }
    public string? Code { get; init; }
    public Guid? Version { get; init; }
    public bool Succeeded => Status == CommandStatus.Ok;

    public static FeedbackResult NotFound() => new(CommandStatus.NotFound, "Không tìm thấy phản ánh.");
    public static FeedbackResult Invalid(string message) => new(CommandStatus.Invalid, message);
    public static FeedbackResult Fields(IReadOnlyDictionary<string, string> errors) =>
        new(CommandStatus.Invalid, errors.Count == 1 ? errors.Values.First() : "Vui lòng kiểm tra các trường được đánh dấu.") { FieldErrors = errors };
    public static FeedbackResult Field(string key, string message) => Fields(new Dictionary<string, string> { [key] = message });

    public CommandResult ToCommandResult() => new(Status, Message, Version, Code);
}

/// <summary>The rules a report must meet before it is stored, for the page and the API (the service runs it).</summary>
public sealed class FeedbackDraftValidator : AbstractValidator<FeedbackDraft>
{
    public FeedbackDraftValidator()
    {
        RuleFor(x => x.CategoryId).NotNull().WithMessage("Vui lòng chọn lĩnh vực phản ánh.");
        RuleFor(x => x.Title).RequiredText("Tiêu đề", FeedbackModel.TitleMax, "Vui lòng nhập tiêu đề phản ánh.");
        RuleFor(x => x.Description).RequiredText("Nội dung", FeedbackModel.DescriptionMax, "Vui lòng mô tả vấn đề cần phản ánh.", multiLine: true);
        RuleFor(x => x.Address).Text("Địa chỉ", TextLimits.Address);
        RuleFor(x => x.Latitude).Must((d, _) => d.Latitude.HasValue == d.Longitude.HasValue)
            .WithMessage("Vị trí trên bản đồ cần đủ vĩ độ và kinh độ.");
        RuleFor(x => x.Address).Must((d, _) => d.Latitude.HasValue || !TextRules.IsBlank(d.Address))
            .WithMessage("Vui lòng chọn vị trí trên bản đồ hoặc nhập địa chỉ nơi xảy ra vấn đề.");
        RuleFor(x => x.UnitId).Must((d, _) => d.Latitude.HasValue || d.UnitId.HasValue)
            .WithMessage("Khi chỉ nhập địa chỉ, vui lòng chọn phường, xã, đặc khu phụ trách.");
        RuleFor(x => x.Photos).Must(p => p.Count <= FeedbackImages.MaxPhotos)
            .WithMessage($"Tối đa {FeedbackImages.MaxPhotos} ảnh cho một phản ánh.");
        RuleFor(x => x.Photos).Custom((files, context) =>
        {
            if (files.Select(FeedbackImages.Problem).FirstOrDefault(p => p is not null) is { } problem)
                context.AddFailure(problem);
        });
    }
}

/// <summary>The text of a step: within the timeline's note column.</summary>
public sealed class FeedbackCommandValidator : AbstractValidator<FeedbackCommand>
{
    public FeedbackCommandValidator()
    {
        RuleFor(x => x.Note).Text("Nội dung", TextLimits.Note, multiLine: true);
        RuleFor(x => x.Photos).Must(p => p.Count <= FeedbackImages.MaxPhotos).WithMessage($"Tối đa {FeedbackImages.MaxPhotos} ảnh.");
        RuleFor(x => x.Photos).Custom((files, context) =>
        {
            if (files.Select(FeedbackImages.Problem).FirstOrDefault(p => p is not null) is { } problem)
                context.AddFailure(problem);
        });
    }
}
